"""matplotlib figures of results: indicators, status, money and stakeholders."""
