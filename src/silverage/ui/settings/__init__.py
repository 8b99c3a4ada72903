"""The Settings page and the supervisors' rule editor."""
