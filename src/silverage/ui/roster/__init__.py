"""The roster page, its table model and the person editor."""
