"""Where a data folder keeps its workshops, and the names of a workshop folder's files (no imports).

Apart from :mod:`bootcamp.store.files`, which says how each file is encoded, so that what only looks at
the folders (the library's stamps and signatures, home's list) need not load the store's codecs.
"""

WORKSHOPS_FOLDER = "workshops"  # under the data folder: one folder per workshop, named by its id
WORKSHOP_FILE = "workshop.json"
CONTENT_FILE = "content.json"
STATE_FILE = "state.json"
ROOM_FILE = "room.json"
ANSWERS_FOLDER = "answers"
IMPORT_FILE = "import.json"
VOTED_FILE = "voted.json"  # who has cast a secret ballot on which step, never how
ARCHIVED_FILE = "archived.json"  # there while the workshop is put away (archived): home and `list` leave it out
