"""The register on the web: server-rendered pages, each with its JSON twin."""
