"""cjmapper's bundled data (templates, fonts, icons, translations), installed as the package `cjmapper.data`.

Not code: the folder is a package only so that `importlib.resources` finds it wherever pip puts it. Read it
through `cjmapper.resources`.
"""
