"""Words and formats, each made in one place.

:mod:`~gevinst.i18n.words` holds every nb/en text; :mod:`~gevinst.i18n.formats` makes
every number, percentage, amount and date; :mod:`~gevinst.i18n.markdown` escapes text
for Markdown and writes its tables.
"""
