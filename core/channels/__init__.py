"""Where customers and providers reach Djobea: the WhatsApp webhook and inbox, media, the simulator, the web chat."""
