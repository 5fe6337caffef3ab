"""The docked panels beside the canvas: library, palette, properties, persona strip."""
