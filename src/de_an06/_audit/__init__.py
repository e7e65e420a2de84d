"""The audit's check families (private): `de_an06.auditing` is the public module.

``findings`` holds the `Finding` value and builds each one from ``catalog`` (one entry per
code: severity and its messages in Vietnamese and English); ``words`` holds the word lists
and symbol patterns every check reads, so another province's plan needs no code change;
``context`` indexes a plan once (task paths, free texts, agency names). The families —
``text`` (slips), ``numbering``, ``references``, ``deadlines``, ``roles``, ``annex`` and
``principle`` ("5 rõ") — each yield findings from a context.
"""
