"""cjmapper's Qt-free core: journey model, library store, templates, layout, interchange and CLI."""

__version__ = "0.1.0"
