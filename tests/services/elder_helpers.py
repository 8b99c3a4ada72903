"""Small builders for roster tests: valid ID numbers and person inputs."""

from __future__ import annotations

from datetime import date

from silverage.domain import idcard
from silverage.domain.elder_input import ContactInput, ElderInput


def id_number(born: date, seq: int = 12, area: str = "330402") -> str:
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + idcard.check_char(body)


def person(name: str = "张桂英", born: date = date(1940, 3, 5), seq: int = 12, **kw: object) -> ElderInput:
    values: dict[str, object] = {
        "name": name,
        "id_number": id_number(born, seq),
        "phone": "13812345678",
        "address_detail": "中山路12号",
        "address_building": "3幢",
        "living": "alone",
        "contacts": (ContactInput("王建国", "儿子", "13900001111"),),
    }
    values.update(kw)
    return ElderInput(**values)  # type: ignore[arg-type]
