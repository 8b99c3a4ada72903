"""Printing, the Excel export dialog and the import wizard."""
