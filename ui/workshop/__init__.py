"""Workshop mode: the controller, the timer and dot voting."""
