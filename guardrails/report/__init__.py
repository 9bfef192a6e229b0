"""The transparency report: figures from the real tables (``figures``), rendered as HTML (``html``)."""
