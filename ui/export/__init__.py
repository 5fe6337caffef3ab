"""Posters, pictures (PNG/SVG) and background export jobs."""
