"""Reading the files other agencies send: a size limit, encoding detection, one error shape.

Every file de_an06 reads — plan JSON, CSV of counts, plan texts, calendar overlays,
succession files — comes through `read_bytes` / `read_text`, so that each is read the
same way:

* at most *max_bytes* (`DEFAULT_MAX_BYTES` unless the caller says otherwise), checked
  before the file is read into memory;
* UTF-8 with or without a byte-order mark, or UTF-16 (LE or BE) with a byte-order mark —
  what Notepad, Excel ("Unicode text") and Word ("Unicode") write on Windows;
* anything else (Windows-1258 / TCVN3 / VNI, the legacy Vietnamese encodings, or UTF-16
  without a BOM) is refused with a message that says so and asks for UTF-8; it is never
  guessed, since a wrong guess would silently change the names in the file.

JSON goes through `parse_json`: nesting past `MAX_JSON_DEPTH` and a key written twice
in one object are refused too. Errors are the caller's own `DeAn06Error` subclass: each
caller passes *error* (an `ErrorFactory`), which turns a message, the offending value and
its JSON path into the exception to raise.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from typing import Any, Final, Protocol

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INT64_MAX",
    "INT64_MIN",
    "MAX_JSON_DEPTH",
    "MISSING",
    "ErrorFactory",
    "decode",
    "parse_json",
    "read_bytes",
    "read_text",
    "versioned_fields",
    "write_atomic",
]

DEFAULT_MAX_BYTES = 64 * 2**20
"""Largest file read by default (64 MiB): the 2.7 MB national-shape plan 20 times over."""


class ErrorFactory(Protocol):
    """Makes the caller's exception from a message, the offending value and where it is.

    *path* is a JSON path (``"$"``: the file as a whole); text files leave it at ``"$"``.
    """

    def __call__(self, message: str, value: object, path: str = "$") -> Exception: ...


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()
"""Stands for the value of a required field that is absent."""

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
"""The integers de_an06 reads and sums: 64-bit, what orjson reads as integers (it reads a
larger one as a float, which is then "a number", not an integer) and numpy sums exactly."""

MAX_JSON_DEPTH = 254
"""How deeply JSON arrays and objects may nest: as deep as orjson writes (a plan needs 12)."""

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BOMS = (codecs.BOM_UTF8, *_UTF16_BOMS)
_ASK = "save it as UTF-8 (in Excel: 'CSV UTF-8'; in Notepad or Word: encoding UTF-8) and try again"


def read_bytes(
    path: str | os.PathLike[str], *, what: str, max_bytes: int, error: ErrorFactory
) -> bytes:
    """The bytes of the file at *path*, at most *max_bytes* of them.

    *what* names the file's kind in messages ("plan file", "CSV file").
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as stream:  # one open for both the size and the data
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise error(_too_large(what, size, max_bytes), size)
            # A pipe or a device reports size 0: read one byte past the limit to tell.
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(f"cannot read the {what}: no such file", source) from None
    except IsADirectoryError:
        raise error(f"cannot read the {what}: it is a folder", source) from None
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror or exc}", source) from None
    if len(data) > max_bytes:
        raise error(_too_large(what, len(data), max_bytes), len(data))
    return data


def _too_large(what: str, size: int, limit: int) -> str:
    return (
        f"the {what} is larger than the limit: {size:,} bytes, at most {limit:,} "
        "(pass max_bytes= to read a larger one)"
    )


def read_text(
    path: str | os.PathLike[str], *, what: str, max_bytes: int, error: ErrorFactory
) -> str:
    """The text of the file at *path*: `read_bytes`, then `decode`."""
    data = read_bytes(path, what=what, max_bytes=max_bytes, error=error)
    return decode(data, what=what, error=error)


def decode(data: bytes, *, what: str, error: ErrorFactory) -> str:
    """*data* as text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; else *error*.

    >>> decode("Sơn La".encode("utf-16"), what="file", error=ValueError)
    'Sơn La'
    >>> decode(b"\\xef\\xbb\\xbfS\\xc6\\xa1n La", what="file", error=ValueError)
    'Sơn La'
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.end]
            message = (
                f"the {what} is not valid UTF-16 text ({exc.reason} at byte {exc.start}, {bad!r})"
            )
            raise error(f"{message}; {_ASK}", bad) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        raise error(_not_unicode(data, what, exc.start), bad) from None


def _not_unicode(data: bytes, what: str, at: int) -> str:
    """Why *data* is not UTF-8 (byte *at* is not), with a guess at what it is instead."""
    byte = data[at : at + 1]
    sample = data[:4096]
    if sample.count(0) * 4 >= len(sample):  # every other byte NUL: UTF-16 text
        guess = "it looks like UTF-16 without a byte-order mark"
    else:
        guess = "it may be Windows-1258, TCVN3, VNI or another legacy encoding"
    return (
        f"the {what} is not UTF-8 or UTF-16 text (byte {at}, {byte!r}, is not UTF-8; "
        f"{guess}); {_ASK}"
    )


def parse_json(data: str | bytes, *, what: str, error: ErrorFactory) -> object:
    """The JSON value in *data* (bytes as `decode` reads them), or *error*.

    orjson parses; what it refuses is read again with the standard library, whose
    messages count lines and columns in characters, and which reads NaN, integers beyond
    64 bits and lone surrogate escapes — values the schemas then reject by field path.
    """
    import orjson  # here, not at the top: the calendar reads its overlay without it

    if isinstance(data, bytes) and data.startswith(_BOMS):
        data = decode(data, what=what, error=error)  # orjson reads plain UTF-8 only
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if exc.msg.startswith("depth limit exceeded"):  # orjson reads 1024 levels
            raise error(_too_deep(what), MAX_JSON_DEPTH + 1) from None
    else:
        # Written back (2 ms for a 2.7 MB plan), it tells two things. Deeper than orjson
        # writes: refused, so that what is read can be written. And a key written twice
        # in one object keeps only its last value, silently: more colons in the text
        # than in the value written back means a repeated key (look for it only then).
        try:
            written = orjson.dumps(parsed)
        except orjson.JSONEncodeError:
            raise error(_too_deep(what), MAX_JSON_DEPTH + 1) from None
        if _colons(data) > written.count(b":"):
            _check_structure(data, what, error)
        return parsed
    if isinstance(data, bytes):
        data = decode(data, what=what, error=error)  # not UTF-8: say so
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise error(message, exc.doc[max(0, exc.pos - 20) : exc.pos + 20]) from None
    except RecursionError:  # the standard library's parser recurses once per level
        raise error(_too_deep(what), MAX_JSON_DEPTH + 1) from None
    except ValueError:  # an integer of more than 4300 digits (sys.int_info)
        limit = sys.get_int_max_str_digits()
        raise error(f"not valid JSON: a number with more than {limit:,} digits", "") from None
    _check_structure(data, what, error)  # a rare path: always look
    return parsed


def _too_deep(what: str) -> str:
    return f"the {what} nests JSON arrays and objects more than {MAX_JSON_DEPTH} levels deep"


def _colons(data: str | bytes) -> int:
    """How many ``:`` JSON text has: one per key written, plus those inside strings.

    orjson re-writes the parsed value with one ``:`` per key kept and the same strings
    (never escaping a colon), so a text with more colons than that repeats a key. An
    escaped colon (``\\u003a``) counts too; so do other ``\\u003…`` escapes, which can
    only make a check run that finds nothing (1 ms more for a 2.7 MB plan).
    """
    if isinstance(data, bytes):
        return data.count(b":") + data.count(b"\\u003")
    return data.count(":") + data.count("\\u003")


class _Object(dict[str, Any]):
    """A JSON object as the standard library's parser reads it, noting repeated keys."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.repeated: list[str] = []
        if len(self) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.repeated.append(key)
                seen.add(key)


def _check_structure(data: str | bytes, what: str, error: ErrorFactory) -> None:
    """Raise *error* for the first key *data* repeats, or for nesting past the limit."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        parsed = json.loads(text, object_pairs_hook=_Object)
    except RecursionError:
        raise error(_too_deep(what), MAX_JSON_DEPTH + 1) from None
    stack: list[tuple[object, str, int]] = [(parsed, "$", 1)]
    while stack:  # in document order
        node, where, depth = stack.pop()
        if isinstance(node, dict | list) and depth > MAX_JSON_DEPTH:
            raise error(_too_deep(what), depth)
        if isinstance(node, _Object):
            for key in node.repeated:
                message = "a key written twice in one object (only the last would be read)"
                raise error(message, key, f"{where}.{key}")
            stack.extend((v, f"{where}.{k}", depth + 1) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            items = reversed(list(enumerate(node)))
            stack.extend((v, f"{where}[{i}]", depth + 1) for i, v in items)


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str | Callable[[str], None],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    error: Callable[[str], Exception],
) -> None:
    """Write *data* to *path* whole or not at all: the one place de_an06 writes a file.

    *data* is bytes, text (written as UTF-8, line ends as given) or a function that
    writes a file at the path it is given (openpyxl's ``Workbook.save``). It goes to a
    temporary file in the same folder, is flushed to disk, then moved over *path* with
    `os.replace`, so a reader sees the old file or the new one, never a part. On any
    failure the temporary file is removed and the old file is left as it was. *path*
    being one of *inputs* (the same file) is refused before anything is written.
    *error* makes the caller's exception from a message naming the file.
    """
    target = os.fspath(path)
    for source in inputs:
        if _same_file(target, os.fspath(source)):
            raise error(f"{target}: the output is one of the input files; write to another file")
    folder = os.path.dirname(os.path.abspath(target))
    if os.path.isdir(target):
        raise error(f"{target}: cannot write: it is a folder")
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise error(f"{target}: cannot write text that is not Unicode ({exc.reason})") from None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise error(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        if callable(data):
            os.close(handle)
            data(temporary)
            with open(temporary, "rb+") as stream:
                os.fsync(stream.fileno())
        else:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise error(f"{target}: cannot write: {exc.strerror or exc}") from None
        raise


def _mode(target: str) -> int:
    """The old file's permissions, or what a new file gets (mkstemp's are 0600)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # either does not exist (yet)
        return os.path.realpath(one) == os.path.realpath(other)


def versioned_fields(
    data: object, version: int, *, what: str, error: ErrorFactory
) -> dict[str, Any]:
    """*data*'s fields without ``schema_version``, once that is *version*: the one check.

    *data* must be a JSON object (else `error` at ``$``) whose ``schema_version`` is
    *version* (else `error` at ``$.schema_version``, saying whether it is missing or not
    supported). *what* names the file kind in messages ("a plan file").

    >>> versioned_fields({"schema_version": 1, "id": "x"}, 1, what="a plan file", error=None)
    {'id': 'x'}
    """
    if not isinstance(data, dict):
        raise error(f"{what} holds one JSON object", data, "$")
    found = data.get("schema_version", MISSING)
    if found is MISSING:
        raise error(f"schema_version must be {version}", found, "$.schema_version")
    if found != version:
        message = f"unsupported schema_version (this de_an06 reads {version})"
        raise error(message, found, "$.schema_version")
    return {k: v for k, v in data.items() if k != "schema_version"}
