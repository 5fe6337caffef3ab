"""The editor's dialogs: new journey, versions, preferences, recovery, team library."""
