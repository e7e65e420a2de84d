"""Root pytest configuration: what the doctest collector must not import."""

collect_ignore = ["src/de_an06/__main__.py"]
