"""点位图: the red, yellow and green point map on screen, and the office's own plans."""
