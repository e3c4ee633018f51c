"""Customers: people who ask for repairs, one row per phone number."""
