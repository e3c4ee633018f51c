"""Protections that cut across domains: who the client is, secrets kept sealed at rest."""
