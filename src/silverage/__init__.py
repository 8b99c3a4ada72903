"""silverage (银龄): roster, care levels and volunteer visits for elderly people living alone."""

__version__ = "0.1.0"
