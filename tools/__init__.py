"""Developer tools that work on the source tree; never installed (the translation pipeline)."""
