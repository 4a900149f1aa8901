"""Plan files in and out: YAML, JSON, the Excel workbook and measurement CSV,
with every error located in the file.
"""
