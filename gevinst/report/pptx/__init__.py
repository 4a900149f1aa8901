"""The council deck as a PowerPoint file, built with python-pptx."""
