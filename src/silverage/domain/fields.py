"""Every field of a person's record, named once: key, Chinese and English label, import synonyms,
and whether it is personal data to mask.

The import's header map, the Excel export's headers, the person editor's labels, the import
preview's and the audit trail's field names and the printed roster's headings all read from here,
so a field is called the same everywhere and an exported roster imports back into the same fields.
The GUI passes the Chinese label through Qt's translator (context ``FIELD_CONTEXT``); the English
for the interface comes from ``resources/translations/en_*.json``, which a test keeps equal to ``en``.
"""

from __future__ import annotations

from dataclasses import dataclass

from silverage.domain import idcard, phone

# How an office workbook's column relates to a field.
READ = "read"  # imported: a header among the label and synonyms fills this field
FILLS = "fills"  # imported, and its words fill other fields (是否独居 -> living; 人员类别 -> several)
SKIP = "skip"  # computed (our own exports write it): recognised on import and left out
NOT_A_COLUMN = ""  # edited in the app only; a workbook header is not matched to it

# The translation context the GUI uses for field labels (QCoreApplication.translate).
FIELD_CONTEXT = "Fields"


@dataclass(frozen=True)
class Field:
    key: str
    zh: str
    en: str
    synonyms: tuple[str, ...] = ()  # other headers offices write for the column (besides zh and en)
    column: str = NOT_A_COLUMN
    personal: str = ""  # "id" or "phone": masked unless a supervisor asks for it in full
    attr: str = ""  # the record's attribute when it is not ``key`` (micro_grid -> micro_grid_id)

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en

    @property
    def sensitive(self) -> bool:
        return bool(self.personal)


def _f(key: str, zh: str, en: str, *synonyms: str, column: str = READ, **kw: str) -> Field:
    return Field(key, zh, en, synonyms, column, **kw)


# How many emergency contacts a roster row's columns hold (the first one and MAX_CONTACTS - 1 more).
MAX_CONTACTS = 5

# Import columns keep their order here: it is the order of the import's column choices, and an
# earlier field wins a header two fields could claim.
FIELDS: tuple[Field, ...] = (
    _f("seq", "序号", "No.", "编号", "no.", column=SKIP),
    _f("name", "姓名", "Name", "老人姓名", "名字", "老人名字", "服务对象", "对象姓名"),
    _f(
        "id_number",
        "身份证号码",
        "ID number",
        "公民身份号码",
        "身份证号",
        "身份证",
        "证件号码",
        "身份证件号码",
        "公民身份证号码",
        "idnumber",
        personal="id",
    ),
    _f("gender", "性别", "Gender"),
    _f("birth_date", "出生日期", "Date of birth", "出生年月", "出生年月日", "生日"),
    # 公历 or 农历; empty = not recorded (the office default then counts, see services.roster.birthday_list)
    _f(
        "birthday_calendar",
        "生日历法",
        "Birthday calendar",
        "过生日",
        "过生日历法",
        "生日类型",
        "按农历还是公历过生日",
        "birthdaycalendar",
    ),
    # A 农历生日 column marks lunar birthdays: a date (the lunar date written out) or 是/√ means lunar,
    # 否/× means Gregorian; a 生日历法 column in the same row wins.
    _f(
        "lunar_birthday", "农历生日", "Lunar birthday", "阴历生日", "是否农历生日", "过农历生日", column=FILLS
    ),
    _f("age", "年龄", "Age", "age", column=SKIP),
    _f(
        "phone",
        "联系电话",
        "Phone",
        "手机号码",
        "联系方式",
        "电话",
        "手机",
        "本人电话",
        "电话号码",
        "老人电话",
        "本人手机",
        "移动电话",
        "手机号",
        "联系手机",
        "phone",
        personal="phone",
    ),
    _f(
        "phone2",
        "电话2",
        "Phone 2",
        "备用电话",
        "固定电话",
        "座机",
        "其他电话",
        "住宅电话",
        "家庭电话",
        "phone2",
        personal="phone",
    ),
    _f("community", "社区", "Community", "所在社区", "社区名称", "村社区", "村（社区）", "community"),
    _f("grid", "网格", "Grid", "所在网格", "网格名称", "网格号", "grid"),
    _f("micro_grid", "微网格", "Micro-grid", "所在微网格", "微网格名称", "micro-grid", attr="micro_grid_id"),
    _f(
        "address",
        "地址",
        "Address",
        "家庭住址",
        "详细地址",
        "住址",
        "居住地址",
        "现住址",
        "家庭地址",
        "现居住地址",
        "现居住地",
        "address",
    ),
    # The parts the importer splits an address into, and the editor shows one by one.
    # Read too (the complete export writes them one by one; a stated part wins over the split).
    _f("address_detail", "街道门牌", "Street and number", "addressdetail"),
    _f("address_building", "幢/楼", "Building", "幢", "楼", "楼栋", "幢号", "building"),
    _f("address_unit", "单元", "Unit", "单元号", "unit"),
    _f("address_room", "室", "Room", "室号", "房号", "门牌室号", "room"),
    # A worker's correction of the building the point map puts the person in (edited in the app only).
    _f("building_override", "楼栋（点位图）", "Building on the map", column=NOT_A_COLUMN),
    _f(
        "living",
        "居住情况",
        "Living situation",
        "居住",
        "居住状况",
        "居住方式",
        "居住类型",
        "livingsituation",
    ),
    # A free-text category column (人员类别 "独居老人、低保"): its words set living, disability, economic
    # and mobility by the table in ``io.excel_import``; words it does not know are kept in the notes.
    _f(
        "category",
        "人员类别",
        "Category",
        "人员类型",
        "老人类别",
        "老人类型",
        "对象类别",
        "对象类型",
        "服务对象类别",
        "服务对象类型",
        "家庭类别",
        "家庭类型",
        "特殊群体",
        "困难类型",
        "类别",
        "类型",
        "category",
        column=FILLS,
    ),
    _f("level", "关爱等级", "Care level", "等级", "分级", "carelevel", column=SKIP),
    # A supervisor's manual level and its reason (the computed level is never read: it is recomputed).
    _f("level_override", "人工调整等级", "Override level", "leveloverride"),
    _f("level_override_reason", "人工调整原因", "Override reason", "overridereason"),
    _f(
        "disability",
        "失能等级",
        "Disability",
        "失能情况",
        "自理能力",
        "失能",
        "生活自理能力",
        "自理情况",
        "disability",
    ),
    _f(
        "economic",
        "经济状况",
        "Economic status",
        "经济条件",
        "低保",
        "经济情况",
        "低保情况",
        "低保类别",
        "economicstatus",
    ),
    _f("mobility", "行动能力", "Mobility", "行动情况", "mobility"),
    # Yes/no columns (是/否, √/×, 1/0) of resident registers: each sets the field it names when that
    # field's own column is empty (see ``io.excel_import.FLAGS``).
    _f("flag_alone", "是否独居", "Lives alone?", "独居", "是否独居老人", column=FILLS),
    _f("flag_empty_nest", "是否空巢", "Empty nest?", "空巢", "是否空巢老人", "是否纯老家庭", column=FILLS),
    _f("flag_gugua", "是否孤寡", "Widowed, no children?", "孤寡", "是否孤寡老人", "是否孤老", column=FILLS),
    _f("flag_disabled", "是否失能", "Disabled?", "是否失能老人", column=FILLS),
    _f("flag_semi_disabled", "是否半失能", "Partly disabled?", "半失能", column=FILLS),
    _f("flag_bedridden", "是否卧床", "Bedridden?", "卧床", "是否长期卧床", column=FILLS),
    _f("flag_dibao", "是否低保", "Minimum living allowance?", "是否低保户", "是否低保对象", column=FILLS),
    _f(
        "flag_tekun",
        "是否特困",
        "Extreme hardship support?",
        "是否五保",
        "是否特困供养",
        "是否特困人员",
        "特困",
        column=FILLS,
    ),
    # A 低保证 / 特困证 number: whoever has one receives that support (the number itself is not kept).
    _f(
        "dibao_number", "低保证编号", "Allowance card no.", "低保证号", "低保编号", "低保证号码", column=FILLS
    ),
    _f("tekun_number", "特困证编号", "Hardship card no.", "特困证号", "五保证编号", "五保证号", column=FILLS),
    _f("flag_shidu", "是否失独", "Lost their only child?", "失独", "是否失独老人", column=FILLS),
    _f(
        "health_conditions",
        "健康状况",
        "Health conditions",
        "身体状况",
        "疾病情况",
        "慢性病",
        "疾病",
        "健康情况",
        "慢病",
        "慢性病情况",
        "健康情况/慢病",
        "身体情况",
        "患病情况",
        "healthconditions",
    ),
    # The risk factors staff tick in the editor (the care rules score them).
    # (yes/no cells: 是/否, 有/无, √/×, 1/0 — io.cell_values.yes_no)
    _f("serious_illness", "患重大疾病", "Serious illness", "是否患重大疾病", "重大疾病", "seriousillness"),
    _f(
        "cognitive_impairment",
        "认知障碍",
        "Cognitive impairment",
        "是否认知障碍",
        "是否有认知障碍",
        "认知障碍症",
        "cognitiveimpairment",
    ),
    _f("children_nearby", "子女住在附近", "Children live nearby", "子女是否住在附近", "childrennearby"),
    _f(
        "fall_last_year",
        "近一年跌倒过",
        "Fell in the last year",
        "近一年是否跌倒",
        "近一年跌倒",
        "一年内跌倒",
        "felllastyear",
    ),
    _f(
        "hospital_last_year",
        "近一年住过院",
        "In hospital in the last year",
        "近一年是否住院",
        "近一年住院",
        "一年内住院",
        "hospitallastyear",
    ),
    _f("home_hazards", "居家有安全隐患", "Hazards at home", "居家安全隐患", "是否有安全隐患", "homehazards"),
    # The first emergency contact, flattened into a roster row's columns.
    _f(
        "contact_name",
        "紧急联系人姓名",
        "Emergency contact",
        "紧急联系人",
        "联系人",
        "联系人姓名",
        "子女姓名",
        "emergencycontact",
    ),
    _f(
        "contact_relation",
        "与老人关系",
        "Relation",
        "关系",
        "联系人关系",
        "与本人关系",
        "紧急联系人关系",
        "称谓",
        "relation",
    ),
    _f(
        "contact_phone",
        "联系人电话",
        "Contact's phone",
        "紧急联系人电话",
        "紧急联系电话",
        "子女电话",
        "联系人手机",
        "紧急联系人手机",
        "紧急联系人联系电话",
        "紧急联系方式",
        "contactphone",
        personal="phone",
    ),
    _f("contact_phone2", "联系人电话2", "Contact's phone 2", "contactphone2", personal="phone"),
    # Further emergency contacts (the complete export writes one group of columns per contact).
    *(
        _f(key, zh, en, key.replace("_", ""), **kw)
        for n in range(2, MAX_CONTACTS + 1)
        for key, zh, en, kw in (
            (f"contact{n}_name", f"紧急联系人{n}姓名", f"Emergency contact {n}", {}),
            (f"contact{n}_relation", f"紧急联系人{n}关系", f"Contact {n}'s relation", {}),
            (f"contact{n}_phone", f"紧急联系人{n}电话", f"Contact {n}'s phone", {"personal": "phone"}),
            (f"contact{n}_phone2", f"紧急联系人{n}电话2", f"Contact {n}'s phone 2", {"personal": "phone"}),
        )
    ),
    # All of a person's emergency contacts as one field (the editor's tab, the import preview).
    _f("contacts", "紧急联系人", "Emergency contacts", column=NOT_A_COLUMN),
    # Service needs as one cell: 助浴（每周）、助餐（每月：少盐） (domain.service_kinds.read_needs).
    _f(
        "needs",
        "服务需求",
        "Service needs",
        "需求",
        "服务项目",
        "需要的服务",
        "照护需求",
        "servicedneeds",
        "needs",
    ),
    _f("last_contact", "最近联系", "Last contact", "最近探访", "lastcontact", column=SKIP),
    _f("next_assessment", "下次复评", "Next reassessment", "下次评估", "nextassessment", column=SKIP),
    _f("doorstep_notes", "上门注意事项", "Doorstep notes", "探访注意事项", "doorstepnotes"),
    _f("notes", "备注", "Notes", "说明", "notes"),
    # On the roster or archived (迁出/入住养老机构/已故), when and why: a new person imported with a
    # status other than 在册 is archived in the import's transaction (the complete export moves them).
    _f("status", "状态", "Status", "人员状态", "在册状态", "status"),
    _f("status_date", "状态日期", "Status date", "归档日期", "statusdate"),
    _f("status_reason", "状态说明", "Status note", "归档原因", "statusnote"),
    _f("days_overdue", "逾期天数", "Days late", "daysoverdue", column=SKIP),
)

# One emergency contact's own fields (the editor's contact grid, the audit trail's contact rows).
CONTACT_FIELDS: tuple[Field, ...] = (
    _f("name", "姓名", "Name", column=NOT_A_COLUMN),
    _f("relation", "关系", "Relation", column=NOT_A_COLUMN),
    _f("phone", "电话", "Phone", column=NOT_A_COLUMN, personal="phone"),
    _f("phone2", "电话2", "Phone 2", column=NOT_A_COLUMN, personal="phone"),
    _f("sort_order", "顺序", "Order", column=NOT_A_COLUMN),  # first = the one a roster row shows
)

BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS} | {f.attr: f for f in FIELDS if f.attr}
CONTACT_BY_KEY: dict[str, Field] = {f.key: f for f in CONTACT_FIELDS}


def field(key: str) -> Field:
    """The field a key (or a record attribute such as ``micro_grid_id``) names; KeyError if none."""
    return BY_KEY[key]


def label(key: str, lang: str = "zh", table: str = "elder") -> str:
    """A field's label; an unknown key is shown as itself (never hidden)."""
    known = CONTACT_BY_KEY if table == "emergency_contact" else BY_KEY
    f = known.get(key)
    return f.label(lang) if f else key


def imported() -> tuple[Field, ...]:
    """The fields an office workbook's columns fill, in the import's order."""
    return tuple(f for f in FIELDS if f.column in (READ, FILLS))


def skipped_headers() -> tuple[str, ...]:
    """Headers of computed columns (ours or an office's): recognised on import and left out."""
    return tuple(h for f in FIELDS if f.column == SKIP for h in (f.zh, *f.synonyms, f.en))


def masked(key: str, value: str | None, table: str = "elder") -> str:
    """``value`` as shown to someone without a supervisor's full access (personal fields masked)."""
    known = CONTACT_BY_KEY if table == "emergency_contact" else BY_KEY
    f = known.get(key)
    text = value or ""
    if f is None or not f.personal:
        return text
    return idcard.mask(text) if f.personal == "id" else phone.mask(text)
