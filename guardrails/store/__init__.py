"""The demo retail store: customers, orders, products, refunds and invoices in SQLAlchemy.

``models`` defines the tables, ``db`` creates engines and sessions lazily from config,
``queries`` holds the reads and writes the assistant needs (functions that take a session
and never commit), ``rules`` the business rules (return window) as plain functions, and
``seed`` loads the demo customers from ``data/seed/demo_store.yml``.
"""
