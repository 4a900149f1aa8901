"""Tests of gevinst/i18n/."""
