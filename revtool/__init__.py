"""revtool: compare a plan's 素案 and 案 and generate 素案からの主な変更点."""

__version__ = "0.1.0"
