"""Aggregate queries behind the dashboards, the admin's read models, and CSV export."""
