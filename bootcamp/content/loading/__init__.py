"""The parts of the content loader (:mod:`bootcamp.content.loader`), one job each; see its docstring for the map."""
