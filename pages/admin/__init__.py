"""Admin pages: every one is registered through ui.frame.admin_page, behind require_admin."""
