"""Accounts, roles, passwords and one-time codes."""
