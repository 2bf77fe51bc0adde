"""One module per `bootcamp` sub-command, each with run(args) -> exit code."""
