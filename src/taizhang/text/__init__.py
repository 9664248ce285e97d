"""Reader and checker: documents in, structured text and findings out.

This package imports nothing from the database or the web layer.
"""
