from communique._core import extract_tables
