"""Question types as objects: one module per type, each holding all that the type knows."""
