"""The room's answers on the console and on the projector: tables to fill with single keys, tallies, heat maps."""
