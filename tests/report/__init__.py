"""Tests of gevinst/report/."""
