"""The point map (三色点位图): points per building, the schematic layout, the printout."""
