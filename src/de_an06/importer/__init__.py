"""The plan-text importer: a province's plan, as published in words, read into a `Plan` draft.

``reader`` is the entry point (`import_text`, `import_file`); ``sources`` reads files
(text, .docx, PDF); ``lines`` splits the text into numbered lines; ``structure`` cuts it
into parts; ``decision``, ``objectives``, ``tasks``, ``roles`` (names split by
``mentions``) and ``annex`` each read one part of the document into a ``draft.Draft``;
``labels`` holds the wording tables they share. Nothing here is imported by the model or
the queries.
"""

from .reader import (
    ImportNote,
    ImportResult,
    import_documents,
    import_file,
    import_text,
    read_plan_text,
)

__all__ = [
    "ImportNote",
    "ImportResult",
    "import_documents",
    "import_file",
    "import_text",
    "read_plan_text",
]
