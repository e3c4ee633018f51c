"""Messaging: channels in and out, the outbox and its dispatcher."""
