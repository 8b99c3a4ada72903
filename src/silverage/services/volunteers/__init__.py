"""Volunteers and their work load."""
