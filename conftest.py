"""Root pytest configuration: what the doctest collector must not import."""

# Alembic's migration scripts run only inside Alembic (de_an06.ledger.store.Ledger.upgrade).
collect_ignore = ["src/de_an06/__main__.py", "src/de_an06/ledger/migrations"]
