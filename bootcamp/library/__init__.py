"""Reading across the workshops of a data folder: the CCO's follow-up of open actions (no Textual)."""
