"""summary layer (no Textual)."""
