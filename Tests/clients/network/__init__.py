"""Fixtures of test_network.py (no tests here)."""
