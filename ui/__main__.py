"""`python -m ui`: the same as the `cjmapper` command."""

from ui.main import main

main()
