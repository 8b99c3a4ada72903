"""The roster: people, queries, bulk changes and places."""
