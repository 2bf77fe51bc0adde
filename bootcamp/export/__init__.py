"""export layer (no Textual)."""
