"""Tests of gevinst/io/."""
