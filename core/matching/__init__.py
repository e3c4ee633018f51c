"""Matching: who gets offered a job, and their answers."""
