"""Reusable NiceGUI pieces: theme, page frame, widgets."""
