"""The plan as an Excel workbook: its layout (:mod:`~gevinst.io.excel.schema`),
writing and reading.
"""
