"""A seeded national-shape plan in de_an06's own JSON schema, for the loading benchmark.

Shaped after the shared anchor data (``../shared/anchor-bench/gen_data.py``, data set A)
but valid for `de_an06.load_plan`: 34 provinces' worth of task groups (9-13 groups of 4-8
tasks each: ~386 groups, ~2,287 tasks), every task with a lead role line (1-3 mentions)
and usually a coordinating one (0-6 mentions), ~11,000 agency mentions in all, deadlines of
every kind, and 20 indicators with ~30 per-province target overrides each. Text is
Vietnamese with diacritics; the file is ~2 MB of UTF-8 JSON.

    python benchmarks/national_plan.py [OUT.json]   # writes the file, prints its shape

`plan_bytes()` is the canonical form the benchmark reads: the generated data loaded by
de_an06 and written back with every field (defaults included), so that any loader's
output can be compared with it field by field.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import de_an06

# Picked among seeds near the anchor's (20250601) for the closest shape: 385 groups, 2,283 tasks.
SEED = 20250655
YEAR = 2025

PROVINCES = [
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
]
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
MINISTRIES = [
    "Bộ Công an",
    "Văn phòng Chính phủ",
    "Bộ Tài chính",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Khoa học và Công nghệ",
    "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Xây dựng",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Công Thương",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Quốc phòng",
    "Bộ Ngoại giao",
    "Ngân hàng Nhà nước Việt Nam",
    "Bảo hiểm xã hội Việt Nam",
    "Thanh tra Chính phủ",
]
DEPARTMENTS = [
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Khoa học và Công nghệ",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Công Thương",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an",
    "Văn phòng UBND",
    "Trung tâm Phục vụ hành chính công",
]
ENTERPRISES = [
    "Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)",
    "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)",
    "Tổng công ty Bưu điện Việt Nam",
    "Tập đoàn FPT",
]
VERBS = [
    "Triển khai",
    "Hoàn thiện",
    "Rà soát, đánh giá",
    "Xây dựng",
    "Tổ chức thực hiện",
    "Nâng cấp",
    "Kết nối, chia sẻ",
    "Số hóa",
    "Tuyên truyền, phổ biến",
    "Kiểm tra, giám sát",
    "Chuẩn hóa",
    "Hướng dẫn",
]
OBJECTS = [
    "cơ sở dữ liệu quốc gia về dân cư",
    "dịch vụ công trực tuyến toàn trình",
    "hồ sơ thủ tục hành chính",
    "ứng dụng định danh điện tử VNeID",
    "Cổng Dịch vụ công quốc gia",
    "hệ thống thông tin giải quyết thủ tục hành chính",
    "kho dữ liệu điện tử của tổ chức, cá nhân",
    "chữ ký số cho người dân",
    "thanh toán trực tuyến nghĩa vụ tài chính",
    "dữ liệu hộ tịch điện tử",
    "dữ liệu đất đai",
    "hạ tầng mạng truyền số liệu chuyên dùng",
    "mô hình chính quyền số cấp xã",
    "tổ công nghệ số cộng đồng",
]
QUALIFIERS = [
    "trên địa bàn tỉnh",
    "bảo đảm an toàn, an ninh thông tin",
    "theo hướng dẫn của Bộ Công an",
    "phục vụ người dân và doanh nghiệp",
    "đáp ứng yêu cầu của Đề án 06",
    "gắn với cải cách thủ tục hành chính",
    "tại bộ phận một cửa các cấp",
    "",
]
GROUP_TITLES = [
    "Hoàn thiện thể chế, chính sách",
    "Phát triển hạ tầng số",
    "Cung cấp dịch vụ công trực tuyến",
    "Phát triển công dân số",
    "Phát triển hệ sinh thái phục vụ kết nối, khai thác dữ liệu dân cư",
    "Phục vụ chỉ đạo, điều hành",
    "Bảo đảm an ninh, an toàn thông tin",
    "Chuyển đổi số cấp xã",
    "Tuyên truyền, nâng cao nhận thức",
    "Bảo đảm nguồn lực",
    "Kiểm tra, giám sát, khen thưởng",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
]
COMMUNE_WORDS = (
    ["Tân", "Phú", "Bình", "Hòa", "Long", "Xuân"],
    ["Lợi", "Thạnh", "Hưng", "Đông", "Tây", "An", "Phước"],
)
ROMAN = ["I", "II", "III", "IV"]
EVENTS = ["Tết Nguyên đán Ất Tỵ 2025", "Ngày Quốc khánh 02/9/2025", "kỳ họp HĐND tỉnh cuối năm"]
COMPARATORS = [(">=", "tối thiểu {}%"), (">", "trên {}%"), ("maintain", "duy trì {}%")]

Doc = dict[str, Any]


def initials(text: str) -> str:
    """A short key from Vietnamese text, as people abbreviate: "Sở Tư pháp" → "stp"."""
    from de_an06._text import fold

    return "".join(w[0] for w in "".join(c if c.isalnum() else " " for c in fold(text)).split())


def _localities(rng: random.Random) -> tuple[list[Doc], list[Doc]]:
    provinces = [
        {
            "key": f"p{p:02d}",
            "name": ("Thành phố " if name in CITIES else "Tỉnh ") + name,
            "level": "province",
            "kind": "thành phố" if name in CITIES else "tỉnh",
            "parent": "viet-nam",
            "aliases": [name],
        }
        for p, name in enumerate(PROVINCES)
    ]
    communes = [
        {
            "key": f"x{c:05d}",
            "name": f"Xã {rng.choice(COMMUNE_WORDS[0])} {rng.choice(COMMUNE_WORDS[1])} {c}",
            "level": "commune",
            "kind": "xã",
            "parent": f"p{rng.randrange(len(PROVINCES)):02d}",
            "valid_from": "2025-07-01",
        }
        for c in range(400)
    ]
    country = {"key": "viet-nam", "name": "Việt Nam", "level": "central", "kind": "quốc gia"}
    return [country, *provinces], communes


def _agencies(communes: list[Doc]) -> tuple[list[Doc], dict[int, list[Doc]], list[Doc]]:
    central = [{"key": initials(name), "name": name, "level": "central"} for name in MINISTRIES] + [
        {"key": initials(name), "name": name, "level": "enterprise"} for name in ENTERPRISES
    ]
    provincial: dict[int, list[Doc]] = {}
    for p, name in enumerate(PROVINCES):
        unit = "thành phố" if name in CITIES else "tỉnh"
        # The short name (first alias) is how the province's own section writes it.
        bodies = [
            {
                "key": f"p{p:02d}-ubnd",
                "name": f"Ủy ban nhân dân {unit} {name}",
                "aliases": [f"UBND {unit}"],
            }
        ] + [
            {"key": f"p{p:02d}-{initials(d)}", "name": f"{d} {unit} {name}", "aliases": [d]}
            for d in DEPARTMENTS
        ]
        for body in bodies:
            body.update(level="province", locality=f"p{p:02d}")
        provincial[p] = bodies
    commune_bodies = [
        {
            "key": f"{c['key']}-ubnd",
            "name": "Ủy ban nhân dân " + c["name"].replace("Xã", "xã", 1),
            "level": "commune",
            "locality": c["key"],
        }
        for c in communes
    ]
    return central, provincial, commune_bodies


def _deadline(rng: random.Random) -> Doc:
    kind = rng.choices(
        ["on_date", "quarter", "month", "ongoing", "event", "as_directed", "compound"],
        [38, 20, 10, 22, 5, 3, 2],
    )[0]
    if kind == "on_date":
        day = date(YEAR, 1, 1) + timedelta(days=rng.randrange(0, 730))
        return {
            "kind": "on_date",
            "text": f"Trước ngày {day.day}/{day.month}/{day.year}",
            "date": day.isoformat(),
            "before": True,
        }
    if kind == "quarter":
        q = rng.randrange(1, 5)
        return {
            "kind": "within_period",
            "text": f"Trong Quý {ROMAN[q - 1]}/{YEAR}",
            "year": YEAR,
            "unit": "quarter",
            "number": q,
        }
    if kind == "month":
        m = rng.randrange(1, 13)
        return {
            "kind": "within_period",
            "text": f"Tháng {m}/{YEAR}",
            "year": YEAR,
            "unit": "month",
            "number": m,
        }
    if kind == "ongoing":
        return {"kind": "ongoing", "text": rng.choice(["Thường xuyên", "Thực hiện thường xuyên"])}
    if kind == "event":
        event = rng.choice(EVENTS)
        return {"kind": "event", "text": f"Trước {event}", "event": event, "relation": "before"}
    if kind == "as_directed":
        return {"kind": "as_directed", "text": "Theo chỉ đạo của Trung ương", "by": "Trung ương"}
    q = rng.randrange(1, 4)
    return {
        "kind": "compound",
        "text": f"Quý {ROMAN[q - 1]}, Quý {ROMAN[q]}/{YEAR}; thường xuyên",
        "parts": [
            {
                "kind": "within_period",
                "text": f"Quý {ROMAN[i]}/{YEAR}",
                "year": YEAR,
                "unit": "quarter",
                "number": i + 1,
            }
            for i in (q - 1, q)
        ]
        + [{"kind": "ongoing", "text": "thường xuyên"}],
    }


def _line(label: str, role: str, bodies: list[Doc], rng: random.Random) -> Doc:
    # Inside a province's section the plan writes "Sở Tư pháp", not the body's full name.
    words = [b["aliases"][0] if b["level"] == "province" else b["name"] for b in bodies]
    mentions = [{"agency": b["key"], "text": w} for b, w in zip(bodies, words, strict=True)]
    if role == "lead" and rng.random() < 0.05:
        mentions[0]["count"] = rng.randrange(1, 13)  # "(12 mô hình)"
    text = ", ".join(words) + "."
    return {"label": label, "text": text, "assignments": [{"role": role, "agencies": mentions}]}


def _task_groups(
    rng: random.Random,
    central: list[Doc],
    provincial: dict[int, list[Doc]],
    communes: list[Doc],
) -> list[Doc]:
    groups: list[Doc] = []
    for p, name in enumerate(PROVINCES):
        bodies = provincial[p]
        for g in range(rng.randint(9, 13)):
            number = len(groups) + 1
            tasks = []
            for t in range(rng.randint(4, 8)):
                lead = rng.sample(bodies, rng.randint(1, 3))
                coord = rng.sample(bodies + central + rng.sample(communes, 5), rng.randint(0, 6))
                roles = [_line("Cơ quan chủ trì", "lead", lead, rng)]
                if coord:
                    roles.append(_line("Cơ quan phối hợp", "coordinate", coord, rng))
                q = rng.choice(QUALIFIERS)
                task: Doc = {
                    "code": f"{number}.{t + 1}",
                    "text": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}" + (f" {q}" if q else ""),
                    "roles": roles,
                    "deadline": _deadline(rng),
                }
                if rng.random() < 0.1:
                    task["note"] = "Thời hạn đọc theo văn bản hướng dẫn của Bộ Công an."
                tasks.append(task)
            title = f"{GROUP_TITLES[g % len(GROUP_TITLES)]} ({name})"
            groups.append({"number": number, "title": title, "tasks": tasks})
    return groups


def _objectives(rng: random.Random) -> list[Doc]:
    objectives = []
    for o in range(5):
        indicators = []
        for i in range(4):
            comparator, wording = COMPARATORS[rng.randrange(2)]
            value = rng.choice(["50", "65", "70", "80", "90", "95", "72.5"])
            overrides = []
            for p, name in enumerate(PROVINCES):
                if rng.random() < 0.88:
                    op, words = rng.choice(COMPARATORS)
                    v = rng.choice(["60", "75", "80", "85", "100", "92.5"])
                    override: Doc = {
                        "scope": {"kind": "locality", "key": f"p{p:02d}", "text": name},
                        "target": {"comparator": op, "value": v, "text": words.format(v)},
                    }
                    if op == "maintain":
                        override["baseline"] = "100"
                    overrides.append(override)
            indicators.append(
                {
                    "id": f"II.{o + 1}.{'abcd'[i]}",
                    "text": f"Tỷ lệ {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}".strip(),
                    "target": {
                        "comparator": comparator,
                        "value": value,
                        "text": wording.format(value),
                    },
                    "overrides": overrides,
                    "numerator": f"Số {rng.choice(OBJECTS)} đã hoàn thành",
                    "denominator": f"Tổng số {rng.choice(OBJECTS)}",
                    "measure": rng.choice(["flow", "stock"]),
                }
            )
        objectives.append(
            {"id": f"II.{o + 1}", "text": f"Mục tiêu {o + 1}", "indicators": indicators}
        )
    return objectives


def _annex() -> Doc:
    services = [
        {
            "number": str(s + 1),
            "number_text": str(s + 1),
            "name": f"Dịch vụ công trực tuyến về {OBJECTS[s % len(OBJECTS)]} ({s + 1})",
            "reporting_units": ["Công an tỉnh", "UBND cấp xã"],
            "reporting_units_text": "Công an tỉnh/UBND cấp xã",
        }
        for s in range(53)
    ]
    return {
        "title": "Danh mục dịch vụ công thiết yếu",
        "columns": ["Tổng số hồ sơ", "Số hồ sơ trực tuyến", "Tỷ lệ (%)"],
        "sections": [{"number": "I", "title": "DỊCH VỤ CÔNG THIẾT YẾU", "services": services}],
    }


def make_plan(seed: int = SEED) -> Doc:
    """The generated plan as de_an06 JSON data (defaults left out, as a person writes it)."""
    rng = random.Random(seed)
    top, communes = _localities(rng)
    central, provincial, commune_bodies = _agencies(communes)
    agencies = central + [b for p in sorted(provincial) for b in provincial[p]] + commune_bodies
    groups = _task_groups(rng, central, provincial, commune_bodies)
    return {
        "schema_version": 1,
        "id": f"ke-hoach-de-an-06-{YEAR}",
        "title": "Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và "
        f"xác thực điện tử phục vụ chuyển đổi số quốc gia năm {YEAR}",
        "year": YEAR,
        "province": "viet-nam",
        "decision": {
            "number": "06/KH-BCĐĐA06",
            "date": f"{YEAR}-01-15",
            "issuer": "Ban Chỉ đạo Đề án 06",
            "signer": "Nguyễn Văn A",
            "signer_title": "Trưởng ban",
            "effective": f"{YEAR}-01-15",
            "effective_text": "Kế hoạch có hiệu lực kể từ ngày ký.",
        },
        "legal_bases": [
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ;",
            "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ;",
        ],
        "purposes": ["Triển khai đồng bộ, hiệu quả các nhiệm vụ của Đề án 06 năm 2025."],
        "objectives": _objectives(rng),
        "task_groups": groups,
        "reporting": {
            "text": "Định kỳ hàng tháng báo cáo kết quả trước ngày 15.",
            "rules": [
                {"frequency": "monthly", "text": "hàng tháng trước ngày 15", "day": 15},
                {
                    "frequency": "six_monthly",
                    "text": "06 tháng trước ngày 14/6",
                    "day": 14,
                    "months": [6],
                },
            ],
            "ad_hoc": True,
            "recipient": "bca",
            "forward_to": ["vpcp"],
        },
        "annex": _annex(),
        "pilot_models": {"task": groups[0]["tasks"][0]["code"], "total": 30},
        "localities": top + communes,
        "agencies": agencies,
        "agency_groups": [
            {
                "key": f"p{p:02d}-cac-so-nganh",
                "name": "Các sở, ngành liên quan",
                "members": [b["key"] for b in provincial[p][1:]],
                "open": True,
            }
            for p in range(len(PROVINCES))
        ],
        "closing": ["Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo Bộ Công an."],
    }


@cache
def plan_bytes(seed: int = SEED) -> bytes:
    """The plan as canonical compact UTF-8 JSON: every field, in model order.

    Loaded and re-dumped through de_an06, so defaults are written out; the benchmark
    checks every loader's output against this data.
    """
    plan = de_an06.plan_from_dict(make_plan(seed), source="national_plan")
    return json.dumps(de_an06.plan_to_dict(plan), ensure_ascii=False).encode("utf-8")


@cache
def scaled_plan_bytes(factor: int, seed: int = SEED) -> bytes:
    """`plan_bytes` with the task groups repeated *factor* times, renumbered (scale benchmark).

    The same agencies, localities and indicators; *factor* × the groups, tasks and role
    lines (the 16× plan has 36,528 tasks, about the count of a national plan's ministries
    and provinces together).
    """
    doc = make_plan(seed)
    groups = doc["task_groups"]
    copies = []
    for copy in range(factor):
        for group in groups:
            number = group["number"] + copy * len(groups)
            tasks = [
                {**task, "code": f"{number}.{task['code'].split('.', 1)[1]}"}
                for task in group["tasks"]
            ]
            copies.append({**group, "number": number, "tasks": tasks})
    doc["task_groups"] = copies
    plan = de_an06.plan_from_dict(doc, source="national_plan")
    return json.dumps(de_an06.plan_to_dict(plan), ensure_ascii=False).encode("utf-8")


def shape(raw: bytes) -> dict[str, int]:
    """Counts of the plan's parts, for reports."""
    doc = json.loads(raw)
    tasks = [t for g in doc["task_groups"] for t in g["tasks"]]
    return {
        "bytes": len(raw),
        "task_groups": len(doc["task_groups"]),
        "tasks": len(tasks),
        "mentions": sum(
            len(a["agencies"]) for t in tasks for r in t["roles"] for a in r["assignments"]
        ),
        "indicators": sum(len(o["indicators"]) for o in doc["objectives"]),
        "overrides": sum(len(i["overrides"]) for o in doc["objectives"] for i in o["indicators"]),
        "agencies": len(doc["agencies"]),
        "localities": len(doc["localities"]),
    }


if __name__ == "__main__":
    raw = plan_bytes()
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_bytes(raw)
    print(", ".join(f"{k} {v:,}" for k, v in shape(raw).items()))
