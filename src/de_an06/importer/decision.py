"""The decision around a plan: header, title, recitals, articles, recipients, signature.

Private to the importer. Reads, in the order a decision prints them:

* the header table: issuer ("ỦY BAN NHÂN DÂN / TỈNH SƠN LA"), the national motto
  (layout), "Số: 161/QĐ-UBND", and "Sơn La, ngày 29 tháng 01 năm 2024", possibly split
  over lines and "|" cells;
* the title under "QUYẾT ĐỊNH" and the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH");
* the "Căn cứ …" recitals and the proposal ("Theo đề nghị của …");
* the articles ("Điều 1." …): the paragraph with the reporting regime ("Định kỳ (hàng
  tháng trước ngày 15, …) hoặc đột xuất …"), the effect clause ("có hiệu lực …"); other
  paragraphs are kept verbatim as notes ("Article 3 (verbatim): …");
* the recipients ("Nơi nhận: …", kept as a note) and the signature.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from .._dates import check_day
from .._text import fold, join_lines, nfc
from ..reporting import Frequency, ReportingRegime, ReportingRule
from .draft import Draft
from .lines import Line, Para, assemble, is_caps, recase
from .mentions import split_mentions

__all__ = ["read_decision", "read_header", "read_reporting", "read_signature"]

_NUMBER = re.compile(r"^số\s*[:.]?\s*(?P<n>\d\S*(?:\s*/\s*\S+)*)\s*$", re.IGNORECASE)
_DATE = re.compile(
    r"^(?:(?P<place>[^,\d|]{2,40}?)\s*,\s*)?ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|[/.-]\s*)"
    r"(?P<m>\d{1,2})\s*(?:năm\s+|[/.-]\s*)(?P<y>\d{4})\b",
    re.IGNORECASE,
)
_MOTTO: Final = ("cong hoa xa hoi", "chu nghia viet nam", "doc lap-tu do-hanh phuc")
_AUTHORITY: Final = (
    "chu tich",
    "pho chu tich",
    "uy ban nhan dan",
    "ubnd",
    "giam doc",
    "tm.",
    "kt.",
)
_ARTICLE = re.compile(r"^Điều\s+(?P<n>\d{1,2})\s*[.:]?\s*(?P<rest>.*)$", re.IGNORECASE)
_ORDINALS: Final = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_SIGNED: Final = ("(da ky)", "da ky", "(da ky va dong dau)", "(ky ten, dong dau)")


def read_header(lines: Sequence[Line], draft: Draft) -> None:
    """Issuer, number, place and date from the lines above the title."""
    used: set[int] = set()
    real = [i for i, line in enumerate(lines) if not line.is_separator]
    for i in real:
        line = lines[i]
        folded = fold(line.text)
        if any(motto in folded for motto in _MOTTO):
            draft.sink.place([line], "layout:motto")
            used.add(i)
        elif (match := _NUMBER.match(_with_next(lines, real, i, line.text))) and not draft.number:
            # "Số:" / "49/KH-UBND": a header cell wrapped after the label.
            taken = [i] if _NUMBER.match(line.text) else [i, real[real.index(i) + 1]]
            draft.number = re.sub(r"\s+", "", match["n"])
            draft.sink.place([lines[j] for j in taken], "~$.decision.number")
            used.update(taken)
    _read_date(lines, real, used, draft)
    candidates = [i for i in real if i not in used and is_caps(lines[i].text)]
    first_cell = _first_cell(lines, candidates)
    if first_cell:
        issuer = recase(" ".join(lines[i].text for i in first_cell), draft.body)
        # The province's name when the prose never writes it: "… tỉnh sơn la" → "Sơn La".
        place = re.search(
            r"\b(?:tỉnh|thành phố)\s+(?P<name>[^\W\d]+(?:\s+[^\W\d]+)*)$", issuer, re.I
        )
        if place and place["name"].islower():
            proper = nfc(" ".join(w[:1].upper() + w[1:] for w in place["name"].split()))
            issuer = issuer[: place.start("name")] + proper
        if not re.search(r"\b(?:tỉnh|thành phố)\b", issuer, re.IGNORECASE):
            issuer = _with_province(issuer, [lines[i] for i in first_cell], draft)
        draft.issuer = issuer
        draft.sink.place([lines[i] for i in first_cell], "$.decision.issuer")
        used.update(first_cell)
    for i in real:
        if i in used:
            continue
        if fold(lines[i].text).startswith("can cu"):  # recitals right under the header
            draft.add("legal_bases", lines[i].text, [lines[i]])
        else:
            draft.sink.warn([lines[i]], "header line not understood; not kept")


def _read_date(lines: Sequence[Line], real: list[int], used: set[int], draft: Draft) -> None:
    """The place and date ("Sơn La, ngày 29" / "tháng 01 năm 2024"), over wrapped cells."""
    for start, i in enumerate(real):
        first = lines[i].text
        if i in used or draft.date is not None or not ("," in first or "ngày" in first.lower()):
            continue
        window = [j for j in real[start : start + 3] if j not in used]
        match = _DATE.match(" ".join(lines[j].text for j in window))
        if match is None:
            continue
        taken, length = [], 0
        for j in window:  # the lines the match spans
            if length >= match.end():
                break
            taken.append(j)
            length += len(lines[j].text) + 1
        day = _date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day is None:
            draft.sink.warn([lines[j] for j in taken], "the decision's date is not a valid date")
            used.update(taken)
            continue
        at = join_lines(match["place"] or "")
        before = real[start - 1] if start else None
        if before is not None and before not in used and _place_start(lines[before].text, at):
            # "Hà" / "Giang, ngày …": the place's cell wrapped inside the name.
            at = f"{lines[before].text} {at}"
            taken.insert(0, before)
        draft.date, draft.place = day, at
        draft.sink.place([lines[j] for j in taken], "~$.decision.date")
        used.update(taken)


def _with_next(lines: Sequence[Line], real: list[int], i: int, text: str) -> str:
    """*text*, joined to the next piece when it is a bare "Số:" label."""
    k = real.index(i)
    if re.fullmatch(r"số\s*[:.]?", text, re.IGNORECASE) and k + 1 < len(real):
        return f"{text} {lines[real[k + 1]].text}"
    return text


def _place_start(text: str, place: str) -> bool:
    """Whether *text* is the first word(s) of a place name wrapped before *place*."""
    words = text.split()
    return (
        bool(place)
        and 1 <= len(words) <= 2
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
    )


# "trên địa bàn tỉnh Hà Giang", "Ủy ban nhân dân tỉnh Lào Cai": the province the prose names.
_PROVINCE_IN_PROSE = re.compile(
    r"\b(?:địa bàn|của|nhân dân|UBND|Công an)\s+(?P<kind>tỉnh|thành phố)\s+"
    r"(?P<name>[A-ZĐÂĂÊÔƠƯ][^\W\d_]*(?:\s+[A-ZĐÂĂÊÔƠƯ][^\W\d_]*){0,3})"
)


def _with_province(issuer: str, cell: Sequence[Line], draft: Draft) -> str:
    """An issuer printed without its province ("ỦY BAN NHÂN DÂN"), completed and warned."""
    named = Counter((m["kind"], m["name"]) for m in _PROVINCE_IN_PROSE.finditer(draft.body))
    if named:
        (kind, name), _ = named.most_common(1)[0]
        where = "the province the plan's text names most"
    elif draft.place:
        kind, name, where = "tỉnh", draft.place, "the place before the date"
    else:
        draft.sink.warn(cell, f"the issuer {issuer!r} names no province", "missing")
        return issuer
    full = nfc(f"{issuer} {kind} {name}")
    draft.sink.warn(cell, f"the issuer names no province; read as {full!r} ({where})", "guessed")
    return full


def _first_cell(lines: Sequence[Line], caps: list[int]) -> list[int]:
    """The consecutive capitalised lines at the top: the issuer's cell."""
    out: list[int] = []
    for i in caps:
        if out and (i != out[-1] + 1 or lines[i].is_separator):
            break
        out.append(i)
    return out


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return check_day(dt.date(year, month, day))  # a date the loader reads back
    except ValueError:  # DateRangeError too
        return None


def province_of(draft: Draft) -> tuple[str, str]:
    """(name, kind) of the province from the issuer ("… tỉnh Sơn La"), else the place."""
    match = re.search(r"\b(tỉnh|thành phố)\s+(\S.*)$", draft.issuer, re.IGNORECASE)
    if match:
        return match[2], nfc(match[1].lower())
    return draft.place, "tỉnh" if draft.place else ""


def read_decision(lines: Sequence[Line], draft: Draft) -> None:
    """Title, recitals, proposal and articles: the lines after "QUYẾT ĐỊNH"."""
    draft.has_decision = True
    i = 0
    title: list[Line] = []
    while i < len(lines) and not _preamble_start(lines[i]):
        line = lines[i]
        if not line.is_separator:
            if title and is_caps(line.text) and fold(line.text).startswith(_AUTHORITY):
                draft.sink.warn(
                    [line], "authority line not kept (the signature names the signer)", "skipped"
                )
            else:
                title.append(line)
        i += 1
    if title:
        text = join_lines(" ".join(line.text for line in title))
        draft.decision_title = recase(text, draft.body) if is_caps(text) else text
        draft.sink.place(title, "$.decision.title")
    _read_preamble(lines[i:], draft)


def _preamble_start(line: Line) -> bool:
    folded = fold(line.text)
    return folded.startswith(("can cu", "theo de nghi", "xet de nghi")) or _operative(line)


def _operative(line: Line) -> bool:
    return fold(line.text).rstrip() in ("quyet dinh:", "quyet dinh :")


def _read_preamble(lines: Sequence[Line], draft: Draft) -> None:
    paras: list[list[Line]] = []
    i = 0
    while i < len(lines) and not _ARTICLE.match(lines[i].text):
        line = lines[i]
        i += 1
        if line.is_separator:
            continue
        if _operative(line):
            draft.sink.place([line], "layout:operative")
            continue
        if not paras or _preamble_start(line):
            paras.append([line])
        else:
            paras[-1].append(line)
    for para in paras:
        text = join_lines(" ".join(line.text for line in para))
        folded = fold(text)
        if folded.startswith("can cu"):
            draft.add("legal_bases", text, para)
        elif folded.startswith(("theo de nghi", "xet de nghi")):
            draft.proposal = f"{draft.proposal} {text}".strip()
            draft.sink.place(para, "$.decision.proposal")
        else:
            draft.sink.warn(para, "paragraph before the articles not understood; not kept")
    _read_articles(lines[i:], draft)


def _read_articles(lines: Sequence[Line], draft: Draft) -> None:
    articles: list[tuple[str, list[Line]]] = []
    for line in lines:
        match = _ARTICLE.match(line.text)
        if match:
            articles.append((match["n"], []))
            draft.sink.place([line], "layout:article")
            if match["rest"]:
                articles[-1][1].append(Line(line.number, match["rest"], line.raw))
        elif articles:
            articles[-1][1].append(line)
    for number, body in articles:
        paras = assemble(body, kinds=frozenset())
        leftover = [p for p in paras if not _article_para(p, draft)]
        for para in leftover:
            index = paras.index(para)
            if len(leftover) == 1 and index == 0:
                where = f"Article {number}"
            else:
                nth = _ORDINALS[index] if index < len(_ORDINALS) else f"#{index + 1}"
                where = f"Article {number}, {nth} paragraph"
            draft.add_note(f"{where} (verbatim): {para.text}", para.lines)


def _article_para(para: Para, draft: Draft) -> bool:
    """Read a paragraph that has a field of its own; False if it has none."""
    folded = fold(para.text)
    if draft.reporting is None and "dinh ky" in folded and "bao cao" in folded:
        draft.reporting = read_reporting(para, draft)
        return True
    if not draft.effective_text and "co hieu luc" in folded:
        draft.effective_text = para.text
        draft.sink.place(para.lines, "$.decision.effective_text")
        if "ke tu ngay ky" in folded:
            draft.effective = draft.date
        elif match := re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", para.text):
            draft.effective = _date(int(match[3]), int(match[2]), int(match[1]))
        return True
    return False


# --- reporting regime ---------------------------------------------------------------

_RULE = re.compile(
    r"(?P<freq>h[àằ]ng tháng|h[àằ]ng quý|quý|0?6 tháng|sáu tháng|h[àằ]ng năm|năm)\W{0,3}"
    r"(?P<rel>trước|chậm nhất|vào|trong)?\s*(?:ngày\s+)(?P<d>\d{1,2})(?:/(?P<m>\d{1,2}))?",
    re.IGNORECASE,
)
_FREQUENCIES: Final = (
    ("thang", Frequency.MONTHLY),
    ("quy", Frequency.QUARTERLY),
    ("6 thang", Frequency.SIX_MONTHLY),
    ("sau thang", Frequency.SIX_MONTHLY),
    ("nam", Frequency.YEARLY),
)


def read_reporting(para: Para, draft: Draft) -> ReportingRegime:
    """The reporting regime a paragraph sets ("Định kỳ (hàng tháng trước ngày 15, …)")."""
    text = para.text
    draft.sink.place(para.lines, "$.reporting.text")
    start = fold(text).find("dinh ky")
    rules: list[ReportingRule] = []
    for match in _RULE.finditer(text, max(start, 0)):
        freq = fold(match["freq"])
        frequency = next(f for key, f in reversed(_FREQUENCIES) if key in freq)
        months = (int(match["m"]),) if match["m"] else ()
        if frequency is Frequency.MONTHLY and months:
            months = ()
        wording = match.group(0)
        if "(" in wording and (close := text.find(")", match.end(), match.end() + 40)) >= 0:
            wording = text[match.start() : close + 1]  # "hằng quý (trước ngày 15 của … quý)"
        rules.append(
            ReportingRule(
                frequency=frequency,
                text=wording,
                day=int(match["d"]),
                months=months,
                before=fold(match["rel"] or "") in ("truoc", "cham nhat"),
            )
        )
    if not rules:
        draft.sink.warn(para.lines, "reporting regime: no periodic deadline understood", "missing")
    recipient = None
    if to := re.search(r"gửi\s+(?:về\s+)?(?P<to>[^,(;.]+?)\s*(?:\(|\bđể\b|[,;.]|$)", text):
        recipient = draft.book.resolve(join_lines(to["to"]), para.lines)
    forward: list[str] = []
    if onward := re.search(r"tổng hợp,?\s*báo cáo\s+(?P<to>[^.;]+)", text):
        forward = [draft.book.resolve(m.text, para.lines) for m in split_mentions(onward["to"])]
    return ReportingRegime(
        text=text,
        rules=tuple(rules),
        ad_hoc="dot xuat" in fold(text),
        recipient=recipient,
        forward_to=tuple(forward),
    )


def read_signature(lines: Sequence[Line], draft: Draft) -> None:
    """Recipients ("Nơi nhận: …", kept as a note) and the signature block."""
    recipients: list[Line] = []
    titles: list[Line] = []
    in_recipients = False
    for line in lines:
        folded = fold(line.text)
        if line.is_separator:
            in_recipients = False
        elif folded.startswith("noi nhan"):
            in_recipients = True
            recipients.append(line)
        elif in_recipients and not is_caps(line.text):
            recipients.append(line)
        elif folded in _SIGNED:
            draft.sink.place([line], "layout:signed")
        elif is_caps(line.text):
            in_recipients = False
            titles.append(line)
        elif not draft.signer and _is_name(line.text):
            draft.signer = line.text
            draft.sink.place([line], "$.decision.signer")
        else:
            draft.sink.warn([line], "line near the signature not understood; not kept")
    if recipients:
        text = join_lines(" ".join(line.text for line in recipients))
        body = re.sub(r"^Nơi nhận\s*:?\s*", "", text, flags=re.IGNORECASE)
        draft.add_note(f"Recipients (Nơi nhận, verbatim, lines joined): {body}", recipients)
    if titles:
        draft.signer_title = " ".join(_office(line.text, draft.body) for line in titles)
        draft.sink.place(titles, "$.decision.signer_title")


# Offices as signature blocks write them (Nghị định 30/2020/NĐ-CP, Phụ lục I: "KT. CHỦ
# TỊCH / PHÓ CHỦ TỊCH"), in running case.
_OFFICES: Final = (
    ("phó chủ tịch", "Phó Chủ tịch"),
    ("chủ tịch", "Chủ tịch"),
    ("phó giám đốc", "Phó Giám đốc"),
    ("giám đốc", "Giám đốc"),
)


def _office(caps: str, body: str) -> str:
    """A signature line in running case: "KT. CHỦ TỊCH" → "KT. Chủ tịch"."""
    match = re.match(r"^((?:[A-ZĐ]{1,4}\.\s*)*)(.*)$", caps)
    prefix, rest = (match[1], match[2]) if match else ("", caps)
    text = recase(rest, body)
    for lower, proper in _OFFICES:
        if text.lower() == lower or text.lower().startswith(lower + " "):
            text = proper + text[len(lower) :]
            break
    return f"{prefix}{text}".strip()


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and w[1:].islower() for w in words)
