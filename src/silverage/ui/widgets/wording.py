"""Numbers, plurals and the other language's words in translated text: one way for every view.

Counts that decide a plural use Qt's own numerus form, so English gets "1 person" / "5 people"
and Chinese stays "共 5 人" (one form)::

    self.tr("共 %n 人", "", n)

Every other number or name goes into ``%1`` … ``%9`` with :func:`fill`, after ``tr()``::

    fill(self.tr("已导出 %1 人到 %2"), result.people, result.path)

(``%n`` and ``%1`` can share one text: ``fill(self.tr("显示 %1 / 共 %n 人", "", total), shown)``.)

Texts that a service already wrote in both languages (reasons, warnings, alerts) are chosen with
:func:`pick`, the one place a view looks at the language for them.
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """``text`` with ``%1`` … ``%9`` replaced by ``values`` in one pass.

    One pass matters: chained ``.replace("%1", a).replace("%2", b)`` also rewrites a "%2" that
    happens to be inside ``a`` (a file path, a person's note)."""

    def value(match: re.Match[str]) -> str:
        i = int(match.group(1)) - 1
        return str(values[i]) if i < len(values) else match.group(0)

    return _PLACE.sub(value, text)


def pick(lang: str, zh: str, en: str) -> str:
    """The Chinese or the English of a text a service wrote in both languages."""
    return zh if lang.startswith("zh") else en
