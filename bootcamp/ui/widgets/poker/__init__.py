"""Aptitude Poker on screen: the console's cards and notes (``cards``), the room's board (``board``)."""
