"""Tests of gevinst/layout/."""
