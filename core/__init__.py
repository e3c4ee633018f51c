"""Djobea's domain: everything that is not UI."""
