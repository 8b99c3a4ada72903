"""The Visits page and its tabs: plan, record, worklists, campaigns, coverage, holidays."""
