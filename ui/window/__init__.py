"""The main window: its shell and actions, and opening files dropped or named on the command line."""
