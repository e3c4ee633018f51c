"""The provider portal: every page is registered through ui.frame.provider_page and shows only that provider."""
