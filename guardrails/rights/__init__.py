"""Customers' data rights: access, export and erasure, and the record that proves them."""
