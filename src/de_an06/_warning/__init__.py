"""The early warning's private parts (issue #20): the pace rules (`pace`), the digest of
one agency (`digest`) and its text, Markdown, JSON and iCalendar forms (`render`).

The public names are in `de_an06.early_warning`.
"""
