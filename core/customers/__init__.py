"""Customers: people who ask for repairs, one row per person (a phone number, a WhatsApp username id, or both)."""
