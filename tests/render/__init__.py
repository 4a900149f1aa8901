"""Tests of gevinst/render/."""
