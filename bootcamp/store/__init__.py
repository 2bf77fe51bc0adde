"""Workshops on disk: roster, answers, room notes, actions, position (no Textual)."""
