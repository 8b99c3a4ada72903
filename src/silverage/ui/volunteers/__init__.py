"""The Volunteers page and a volunteer's week."""
