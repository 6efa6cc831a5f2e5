"""Views over a comparison and a change table: trace, blame, taisho (新旧対照表), section lookup."""
