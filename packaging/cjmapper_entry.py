"""The bundle's entry point: the same `cjmapper` as the console script pip installs (the editor with no command,
the command line otherwise)."""

import os

# With no locale at all (started by `env -i`, or by a launcher that passes none) CPython switches to C.UTF-8 itself
# (PEP 538), but the frozen program does not, and Qt then warns that it needs a UTF-8 locale: do what CPython does.
if not any(os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"

from cjmapper.gui.main import main  # after the locale is set

if __name__ == "__main__":
    main()
