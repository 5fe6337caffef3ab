"""The editor's one path for change: the open journey, its undo commands, journey-level undo."""
