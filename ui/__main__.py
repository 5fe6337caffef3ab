"""`python -m cjmapper.gui` (`python -m ui` in the source tree): the same as the `cjmapper` command."""

from .main import main

main()
