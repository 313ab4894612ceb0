"""Storage: the embedded DuckDB store and the Arrow schema of each record table."""
