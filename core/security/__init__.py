"""What protects the web side: who the client is behind proxies, response headers, the request size limit."""
