"""Compare two versions: align sections, diff characters and tables, judge editorial edits."""
