"""Protections that cut across domains: who the client is behind proxies, secrets sealed at rest, response
headers and the request size limit."""
