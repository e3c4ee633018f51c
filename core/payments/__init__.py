"""Payments: mobile money through Monetbil, commission and provider payouts."""
