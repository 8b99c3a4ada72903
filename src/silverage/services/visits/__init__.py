"""Visits: planning, records, worklists, coverage and the visit policy."""
