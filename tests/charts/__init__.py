"""Tests of gevinst/charts/."""
