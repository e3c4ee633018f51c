"""Fakes of external services on 127.0.0.1 that speak their real wire format."""
