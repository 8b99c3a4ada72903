"""Care levels: assessment and the rule sets."""
