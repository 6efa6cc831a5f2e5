"""The plan workspace: a git repository of versions, manifests, decisions and config."""
