"""Providers: the tradespeople who do the work."""
