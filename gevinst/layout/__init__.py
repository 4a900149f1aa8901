"""Where things go on a map: the view, DOT, Graphviz once, positions and routes as data."""
