"""Names of the files a workspace keeps at its top that pure modules read: a leaf
with no imports, so the core (changes/) and the I/O package (workspace/paths.py)
share one spelling without the core importing the I/O package, and `revtool --help`
loads no stage to know them."""

DECISIONS_NAME = "decisions.toml"  # the staff's review decisions (changes/decisions.py reads them)
