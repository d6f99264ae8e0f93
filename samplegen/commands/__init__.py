"""One module per `samplegen` subcommand: `add_command(subparsers)` and `run(args) -> exit code`."""
