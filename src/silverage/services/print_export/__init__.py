"""Printouts and Excel export and import."""
