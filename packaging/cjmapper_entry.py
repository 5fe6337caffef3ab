"""The bundle's entry point: the same `cjmapper` as the console script pip installs (the editor with no command,
the command line otherwise)."""

from cjmapper.gui.main import main

if __name__ == "__main__":
    main()
