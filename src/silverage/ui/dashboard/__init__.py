"""The dashboard (总览)."""
