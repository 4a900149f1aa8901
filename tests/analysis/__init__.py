"""Tests of gevinst/analysis/."""
