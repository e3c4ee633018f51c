"""Business rules admins can change at run time, and the audit trail of changes."""
