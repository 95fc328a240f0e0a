"""The file formats: atomic writing, JSON Lines, CSV with a Frictionless package, Parquet."""
