"""Every text a person reads, in French and English, and the way numbers, money, dates and plurals are written."""
