"""The live workshop: the one thing that changes an open workshop (DESIGN.md, Layers).

    workshop = LiveWorkshop.load(files, clock, owner=lock)   # off the loop: reads every file
    workshop.start()                                         # on the loop: its writer reports here
    stop = workshop.listen(lambda change: ...)               # one Change per change
    workshop.apply(GiveAnswer(...), by=CONSOLE)              # or workshop.move(Flow.next) …
    await workshop.close()                                   # saves finished, lock let go

Modules: ``workshop`` (LiveWorkshop), ``records`` (answers, notes, roster, undo), ``requests``
(what front ends ask for), ``changes`` (the notification), ``actors`` (who), ``saving`` (save
marks), ``snapshot`` (a read-only value of the room). Nothing is imported here, so the console
can import the small modules on its start path without the store. No Textual anywhere below.
"""
