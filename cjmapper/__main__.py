"""`python -m cjmapper`: the command line without the editor (the `cjmapper` program adds the editor)."""

import sys

from cjmapper.cli import main

sys.exit(main())
