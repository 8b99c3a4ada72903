"""A roster field's label on screen: the Chinese of ``domain.fields``, through Qt's translator.

The labels are not literals in the ui sources, so ``installer/build_translations.py`` adds every
registry label to the .ts under ``FIELD_CONTEXT`` (English from ``resources/translations``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from silverage.domain import fields
from silverage.domain.fields import FIELD_CONTEXT


def field_label(key: str) -> str:
    """姓名 / Name …: a person's field (a key or a record attribute such as ``micro_grid_id``)."""
    return QCoreApplication.translate(FIELD_CONTEXT, fields.field(key).zh)


def contact_field_label(key: str) -> str:
    """姓名 / Name …: a field of one emergency contact."""
    return QCoreApplication.translate(FIELD_CONTEXT, fields.CONTACT_BY_KEY[key].zh)
