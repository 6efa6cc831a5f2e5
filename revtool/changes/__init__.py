"""The change table (別紙2): facts of each change, grouping into rows, links to comments, summaries."""
