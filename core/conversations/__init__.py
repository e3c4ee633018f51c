"""Conversations: the chat with a customer or provider, and the engine that answers it."""
