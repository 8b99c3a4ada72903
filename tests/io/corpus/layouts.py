"""Workbooks built with openpyxl whose headers copy public Chinese forms and registers (issue 12, item 7).

Each builder copies the header words, their order and the structure of the real form (title rows,
merged titles, date lines, two-row headers, 填表人/审核人 footers, one sheet per community, notes
columns) and fills it with the synthetic people of ``people.py``. The comment above each builder says
where the layout comes from (the page the ``search`` tool returned). Where an office's roster has to
turn a one-person form into columns, the columns are the form's items in the form's order.

Every builder returns a ``Built``: the file and, per person, the sheet and row they were written on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from tests.io.corpus import people as p
from tests.io.corpus.people import Person


@dataclass
class Built:
    path: Path
    rows: dict[str, tuple[str, int]] = field(default_factory=dict)  # person name -> (sheet, row)


def _title(ws: Worksheet, row: int, text: str, width: int) -> None:
    ws.cell(row, 1, text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _put(built: Built, ws: Worksheet, person: Person, values: list[Any]) -> None:
    ws.append(values)
    built.rows[person.name] = (ws.title, ws.max_row)


def _two_row_header(ws: Worksheet, top: int, spec: list[tuple[str, list[str]]]) -> int:
    """Write a two-row header: (label, []) spans both rows; (group, [subs]) is merged across its subs.

    Returns the number of columns."""
    col = 1
    for label, subs in spec:
        if not subs:
            ws.cell(top, col, label)
            ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
            col += 1
            continue
        ws.cell(top, col, label)
        ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + len(subs) - 1)
        for i, sub in enumerate(subs):
            ws.cell(top + 1, col + i, sub)
        col += len(subs)
    return col - 1


# ---------------------------------------------------------------------------------------------- L01
# 杭州市社区(村)居家养老服务申请表 (表一 of 杭州市社区(村)居家养老服务需求评估表, 杭州市民政局 2011),
# http://ask.fsou.com/html/text/lar/173292/17329289.html ("杭州市民政局关于印发《杭州市社区(村)居家养老
# 服务需求评估表》的通知"). A form, one person per sheet: label/value pairs two to a row (姓名 | … |
# 身份证号码 | …), tick boxes written as ☑, the 代理人 block with its own 电话/手机, and the signature line.
def hangzhou_application_forms(tmp_path: Path) -> Built:
    built = Built(tmp_path / "居家养老服务申请表.xlsx")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for who, agent in ((p.HZ_FORM_A, ("刘小明", "儿子", "13957100002")), (p.HZ_FORM_B, None)):
        ws = wb.create_sheet(who.name)
        ws.append(["表一"])
        _title(ws, 2, "杭州市社区(村)居家养老服务申请表", 4)
        ws.append(["姓名", who.name, "身份证号码", who.id_number])
        ws.append(["性别", who.gender, "出生年月", who.month])
        ws.append(["民族", "汉", "文化程度", "☑略识字"])
        ws.append(["籍贯", "浙江杭州", "婚姻状况", "☑丧偶"])
        ws.append(["居 住", "□与子女亲友共住 □空巢 ☑孤寡、独居"])
        ws.append(["经 济 条 件", "☑低保"])
        ws.append(["特 殊 贡 献", ""])
        ws.append(["年 龄", "☑80-89岁"])
        ws.append(["户籍所在地", "西湖区（县） 北山街（镇）"])
        ws.append(["居住地址", "西湖区（县） 北山街（镇） 保俶路12号"])
        ws.append(["邮编", "310007", "住宅电话", "0571-87001234"])
        ws.append(["手机", "13857100001"])
        ws.append(["代理人姓名", agent[0] if agent else "", "与申请人关系", agent[1] if agent else ""])
        ws.append(["代理人地址", "西湖区（县） 北山街（镇）" if agent else ""])
        ws.append(["电话", "", "手机", agent[2] if agent else ""])
        ws.append(["申请人(代理人)签字：", None, "年　月　日"])
        built.rows[who.name] = (ws.title, 3)
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L02
# The same 杭州市社区(村)居家养老服务申请表 (http://ask.fsou.com/html/text/lar/173292/17329289.html) as a
# community keeps its applications: one row per applicant, the form's items as columns in the form's
# order (居 住 and 经 济 条 件 spaced as printed, the ticked option's words as the value, 住宅电话 and 手机
# of the applicant, then the 代理人's 电话 and a second 手机), a merged title, a date line, a footer.
def hangzhou_application_roster(tmp_path: Path) -> Built:
    built = Built(tmp_path / "居家养老服务申请汇总.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "申请汇总"
    headers = [
        "序号", "姓名", "身份证号码", "性别", "出生年月", "民族", "文化程度", "籍贯", "婚姻状况", "居 住",
        "经 济 条 件", "特 殊 贡 献", "年 龄", "户籍所在地", "居住地址", "邮编", "住宅电话", "手机",
        "代理人姓名", "与申请人关系", "代理人地址", "电话", "手机",
    ]  # fmt: skip
    _title(ws, 1, "北山街道居家养老服务申请汇总表（杭州市社区(村)居家养老服务申请表）", len(headers))
    ws.append(["填报单位：北山街道　　　　填报日期：2026年11月"])
    ws.append(headers)
    _put(built, ws, p.HZ_LIU, [
        1, p.HZ_LIU.name, p.HZ_LIU.id_number, "女", p.HZ_LIU.month, "汉", "略识字", "浙江杭州", "丧偶",
        "孤寡、独居", "低保", "", "80-89岁", "西湖区北山街", "保俶路12号", "310007", "0571-87001234",
        "13857100001", "刘小明", "儿子", "保俶路15号", "0571-87005678", "13957100002",
    ])  # fmt: skip
    _put(built, ws, p.HZ_CHEN, [
        2, p.HZ_CHEN.name, p.HZ_CHEN.id_number, "女", p.HZ_CHEN.month, "汉", "文盲", "浙江绍兴", "丧偶",
        "空巢", "无社保(非低保、低收入)", "", "80-89岁", "西湖区北山街", "宝石山下一弄3号", "310007", "",
        "13857100003", "", "", "", "", "",
    ])  # fmt: skip
    _put(built, ws, p.HZ_ZHOU, [
        3, p.HZ_ZHOU.name, p.HZ_ZHOU.id_number, "男", p.HZ_ZHOU.month, "汉", "能读字，最高学历：初中",
        "浙江杭州", "已婚", "与子女亲友共住", "低退休工资(夫妻双方的平均退休工资)", "", "80-89岁",
        "西湖区北山街", "北山路8号", "310007", "", "13857100005", "周小红", "女儿", "", "", "13957100006",
    ])  # fmt: skip
    ws.append(["填表人：李社工", None, None, None, None, "审核人：王督导"])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L03
# 服务对象登记表 with a two-row header. Items and their words from 湘潭市荆鹏养老服务有限公司 老年人生活自理
# 能力评估表, "申请人基本情况" (姓名, 身份证号, 出生年月, 联系电话(或监护人电话), 经济状况 □退休金 □遗属补助
# □子女补贴 …, 居住状况 □与子女或亲戚朋友同住 □与配偶同住 □独居 …, and the 子女情况 block 姓名 / 称谓 /
# 工作单位 / 月综合收入 / 联系电话), https://www.xiaomilidoc.com/p-12947492.html. As a register the person's
# items sit under a merged 服务对象基本情况 group and the children's under a merged 子女情况 group, so 姓名
# and 联系电话 each appear twice in the second header row.
def service_recipients_two_row(tmp_path: Path) -> Built:
    built = Built(tmp_path / "服务对象登记表.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "服务对象"
    spec = [
        ("序号", []),
        (
            "服务对象基本情况",
            ["姓名", "性别", "身份证号码", "出生年月", "联系电话(或监护人电话)", "居住地址"],
        ),
        ("经济状况", []),
        ("居住状况", []),
        ("子女情况", ["姓名", "称谓", "工作单位", "月综合收入", "联系电话"]),
        ("服务项目", []),
        ("备注", []),
    ]
    ws.append([None])
    ws.append([None])
    width = _two_row_header(ws, 3, spec)
    ws.cell(1, 1, "新兴街道居家养老服务对象登记表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(2, 1, "社区：月河社区　　　　填表日期：2026年11月20日")
    for n, (who, row) in enumerate(
        (
            (p.FW_WANG, ["13605730011", "中山路5号", "退休金", "独居",
                "王建国", "儿子", "嘉兴电力局", "6000", "13905730012", "助餐", "左耳听力差"]),
            (p.FW_SUN, ["0573-82011234", "禾兴路9号", "遗属补助", "与配偶同住",
                        "孙丽", "女儿", "上海", "8000", "13905730014", "助洁", ""]),
            (p.FW_ZHAO, ["13605730015", "勤俭路2号", "子女补贴", "与子女或亲戚朋友同住",
                         "", "", "", "", "", "", ""]),
        ),
        1,
    ):  # fmt: skip
        _put(built, ws, who, [n, who.name, who.gender, who.id_number, who.dotted, *row])
    ws.append(["填表人：李社工", None, None, None, None, None, "审核人：王督导"])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L04
# 低保 family register: 兰山区社会救助专项整治行动实施方案 附件2 "入户调查登记表" (户主姓名,
# 家庭人口, then the 家庭成员 block 姓名 / 身份证号 / 与户主关系 / 健康状况 / 职业状况 / 年收入(元), and
# 是否为在保对象), http://lyls.gov.cn/info/1695/59437_1.htm. One row per family member aged 60+, the
# 户主's name repeated on each (once the household head is the elder herself: 与户主关系 本人).
# 是否为在保对象 is written 是否低保 as the flag list has it.
# One member still carries her old 15-digit number.
def dibao_family_register(tmp_path: Path) -> Built:
    built = Built(tmp_path / "低保家庭成员登记表.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    headers = [
        "序号", "户主姓名", "家庭人口", "姓名", "身份证号", "与户主关系", "健康状况", "职业状况",
        "年收入（元）", "联系电话", "是否低保", "所在网格", "微网格",
    ]  # fmt: skip
    _title(ws, 1, "月河社区最低生活保障家庭成员登记表", len(headers))
    ws.append(["镇（街道）：新兴街道　　村（社区）：月河社区　　日期：2026年11月"])
    ws.append(headers)
    household = "13905370021"
    _put(built, ws, p.DB_LI, [1, "张建华", 3, p.DB_LI.name, p.DB_LI.id_number, "母亲", "高血压、糖尿病",
                              "无", 0, household, "是", "月河2网格", "月河2网格1号微网格"])  # fmt: skip
    _put(built, ws, p.DB_ZHANG, [2, "张建华", 3, p.DB_ZHANG.name, p.DB_ZHANG.id_number, "父亲", "脑梗后遗症",
                                 "无", 0, household, "是", "月河2网格", "月河2网格1号微网格"])  # fmt: skip
    _put(built, ws, p.DB_MA, [3, p.DB_MA.name, 1, p.DB_MA.name, p.DB_MA.id_number, "本人", "",
                              "无", 1200, "15905370023", "是", "月河1网格", ""])  # fmt: skip
    _put(built, ws, p.DB_WU, [4, "刘国庆", 2, p.DB_WU.name, p.DB_WU.id15, "母亲", "",
                              "无", 0, "15905370024", "是", "月河2网格", "月河2网格1号微网格"])  # fmt: skip
    ws.append(["入户人员签字：李社工", None, None, None, None, "户主签字（手印）："])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L05
# 空巢老人 survey: 附件1 县乡镇(街道)村(社区)"空巢老人"基本情况、志愿服务统计调查表, whose 填表说明 names
# the items: 老人类别 (空巢 / 独居 / 失独 / 失能 / 半失能老人), 生活状况 (居住方式 独居、俩夫妻、其他;
# 婚姻状况; 子女数量; 日常生活 自理、半自理、需要照顾), 经济状况 (有无退休金、政府补助、依靠子女、其他),
# 健康状况, 结对关爱类型 (银龄互助、社区帮扶、其他), 服务次数, 服务需求; http://biz.doczj.com/doc/3817323922.html
# ("“空巢老人”基本情况调查"). 生活状况 is a merged group over its four items.
def kongchao_survey(tmp_path: Path) -> Built:
    built = Built(tmp_path / "空巢老人调查表.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "调查表"
    ws.append(["附件1："])
    ws.append([None])
    ws.append(["填报单位：月河社区居委会　　　　填报日期：2026年11月"])
    spec = [
        ("序号", []), ("姓名", []), ("性别", []), ("出生年月", []), ("身份证号码", []), ("联系电话", []),
        ("老人类别", []), ("生活状况", ["居住方式", "婚姻状况", "子女数量", "日常生活"]), ("经济状况", []),
        ("健康状况", []), ("结对关爱类型", []), ("服务次数", []), ("服务需求", []),
    ]  # fmt: skip
    width = _two_row_header(ws, 4, spec)
    ws.cell(2, 1, "南湖区新兴街道月河社区“空巢老人”基本情况、志愿服务统计调查表")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    rows = (
        (p.KC_QIAN, "13757300031", "独居老人", "独居", "丧偶", 2, "自理", "有退休金", "高血压",
         "银龄互助", 3, "生活照料"),
        (p.KC_ZHENG, "13757300032", "失独老人", "俩夫妻", "已婚", 0, "自理", "政府补助", "",
         "社区帮扶", 5, "心理抚慰"),
        (p.KC_FENG, "13757300033", "半失能老人", "其他", "丧偶", 1, None, "依靠子女", "关节炎",
         "社区帮扶", 2, "健康保健"),
    )  # fmt: skip
    for n, (who, *rest) in enumerate(rows, 1):
        _put(built, ws, who, [n, who.name, who.gender, who.month, who.id_number, *rest])
    ws.append(["填表人：李社工", None, None, None, None, None, "审核人：王督导"])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L06
# Resident register with yes/no flag columns, one sheet per community. The flags and their words copy
# 铜仁 慈善"1+1"关爱空巢助老项目 受助对象登记表 (姓名、性别、身份证号, 居住情况, 是否残疾、是否低保、
# 是否五保), https://tongrenapp.com/Item/2229.aspx, and 安庆 圣埠社区 独居老人登记 (姓名、身份证号、联系电话、
# 居住地、紧急联系人), http://m.ahwang.cn/p/2574491.html; 户籍类型 and 是否独居/是否空巢/是否孤寡 as the
# issue quotes the registers it was tried with. Ticks written 是/否, √/× and 1/0 as offices do.
def resident_register_flags(tmp_path: Path) -> Built:
    built = Built(tmp_path / "老年居民登记表.xlsx")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    headers = [
        "序号", "姓名", "性别", "身份证号码", "出生年月", "户籍类型", "联系电话", "所在网格", "微网格",
        "是否独居", "是否空巢", "是否孤寡", "是否失能", "失能等级", "是否低保", "是否特困",
        "紧急联系人", "紧急联系人关系", "紧急联系人电话", "备注",
    ]  # fmt: skip
    sheets = {
        "月河社区": (
            (p.RR_HUANG, "城镇", "13605730040", "月河2网格", "月河2网格1号微网格",
             "是", "否", "否", "是", "中度", "否", "否", "黄志明", "儿子", "13905730041", "腿脚不便"),
            (p.RR_LIN, "农村", "13605730042", "月河1网格", "",
             "×", "√", "×", "否", "无", "√", "×", "林小芳", "女儿", "13905730043", ""),
            (p.RR_HE, "城镇", "", "月河1网格", "月河1网格2号微网格",
             "0", "0", "1", "1", "重度", "0", "1", "何村长", "邻居", "13905730045", "卧床"),
        ),
        "梅湾社区": (
            (p.RR_XIE, "城镇", "18905730044", "梅湾1网格", "",
             "否", "否", "否", "否", "待评估", "否", "否", "", "", "", ""),
        ),
    }  # fmt: skip
    for community, rows in sheets.items():
        ws = wb.create_sheet(community)
        _title(ws, 1, f"{community}户籍老年居民登记表", len(headers))
        ws.append([f"填报单位：{community}　　　　截至日期：2026年11月"])
        ws.append(headers)
        for n, (who, *rest) in enumerate(rows, 1):
            _put(built, ws, who, [n, who.name, who.gender, who.id_number, who.month, *rest])
        ws.append([None] * len(headers))
        ws.append(["填表人：李社工", None, None, "审核人：王督导"])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L07
# 特困供养人员 register: 兰山区社会救助专项整治行动实施方案 附件1 "(镇、街道)农村特困供养人员入户核查表"
# (自理能力 完全自理□ 半失能□ 完全失能□; 供养方式 集中供养□ 分散供养□; 护理人员; 入户人员签字),
# http://lyls.gov.cn/info/1695/59437_1.htm, kept as one row per person with 社区/网格/微网格, the 人员类型
# words offices write (五保老人, 特困人员) and the 护理人员's own phone beside the person's.
def tekun_register(tmp_path: Path) -> Built:
    built = Built(tmp_path / "特困供养人员花名册.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "特困供养人员"
    headers = [
        "序号", "姓名", "性别", "身份证号码", "人员类型", "自理能力", "供养方式", "护理人员", "护理人员电话",
        "联系电话", "社区", "网格", "微网格", "入户人员", "备注",
    ]  # fmt: skip
    _title(ws, 1, "新兴街道特困供养人员花名册（入户核查）", len(headers))
    ws.append(["核查日期：2026年11月10日"])
    ws.append(headers)
    rows = (
        (p.TK_CAO, "五保老人", "完全自理", "分散供养", "张大妈", "13605730051", "13605730050",
         "梅湾社区", "梅湾1网格", "", "李社工", ""),
        (p.TK_SHAO, "特困人员", "半失能", "分散供养", "邵小弟", "13605730052", "",
         "月河社区", "月河2网格", "月河2网格1号微网格", "李社工", "独自在家时间长"),
        (p.TK_JIANG, "特困人员", "完全失能", "分散供养", "蒋护工", "13605730054", "13605730053",
         "月河社区", "月河1网格", "月河1网格1号微网格", "李社工", ""),
    )  # fmt: skip
    for n, (who, *rest) in enumerate(rows, 1):
        _put(built, ws, who, [n, who.name, who.gender, who.id_number, *rest])
    ws.append(["入户人员签字：李社工", None, None, None, "村（社区）签字："])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L08
# 老年人能力评估基本信息表 (附录A of the 老年人能力评估 standard, as 广西壮族自治区老年人能力评估表 prints it:
# A.1 评估编号 / 评估基准日期 / 评估原因; A.2.1 姓名 … A.2.4 出生日期, A.2.5 身份证号, A.2.6 社保卡号, 民族,
# 文化程度, 宗教信仰, 婚姻状况, A.2.11 居住情况 1独居 2与配偶/伴侣居住 3与子女居住 …),
# https://max.book118.com/html/2018/0424/162913390.shtm. The items after A.2.11 and the A.3 block
# (信息提供者的姓名, 信息提供者与老人的关系, 联系人姓名, 联系人电话) follow the standard's appendix A; the
# page's excerpt stops at A.2.11. There is no column for the person's own phone: only the contact's.
def ability_assessment_info(tmp_path: Path) -> Built:
    built = Built(tmp_path / "老年人能力评估基本信息.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "基本信息"
    headers = [
        "评估编号", "评估基准日期", "评估原因", "姓名", "性别", "出生日期", "身份证号", "社保卡号", "民族",
        "文化程度", "宗教信仰", "婚姻状况", "居住情况", "医疗费用支付方式", "经济来源", "疾病诊断",
        "近30天内意外事件", "信息提供者的姓名", "信息提供者与老人的关系", "联系人姓名", "联系人电话",
    ]  # fmt: skip
    _title(ws, 1, "老年人能力评估基本信息表", len(headers))
    ws.append(headers)
    rows = (
        (p.PG_DING, "独居", "城镇职工基本医疗保险", "退休金/养老金", "高血压", "无",
         "丁小军", "子女", "丁小军", "13905730061"),
        (p.PG_PENG, "与配偶/伴侣居住", "城乡居民基本医疗保险", "子女补贴", "糖尿病", "无",
         "彭丽", "子女", "彭丽", "13905730062"),
        (p.PG_LU, "与子女居住", "城乡居民基本医疗保险", "其他", "", "无",
         "陆建", "子女", "陆建", "13905730063"),
    )  # fmt: skip
    for n, (who, *rest) in enumerate(rows, 1):
        born = f"{who.born.year}年{who.born.month:02d}月{who.born.day:02d}日"
        head = [f"2026{n:04d}", "2026年11月01日", "接受服务前初评", who.name, who.gender, born]
        _put(built, ws, who, [*head, who.id_number, f"45{n:07d}", "汉族", "小学", "无", "丧偶", *rest])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L09
# 关爱探访台账, one sheet per community plus a 汇总 sheet: 安庆 圣埠社区 registers 姓名、身份证号、联系电话、
# 居住地、紧急联系人 (http://m.ahwang.cn/p/2574491.html); the 对象类别 高风险对象 / 重点对象 / 一般对象 and
# the 探访方式 / 频次 from 内蒙古 特殊困难老年人探访关爱 意见 (http://szb.northnews.cn/bfxb/html/2022-06/23/
# content_37070_184039.htm). No grid column: the sheet names the community, nothing names a micro-grid.
def care_ledger_per_community(tmp_path: Path) -> Built:
    built = Built(tmp_path / "关爱探访台账.xlsx")
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "汇总"
    summary.append(["社区", "高风险对象", "重点对象", "一般对象", "合计"])
    summary.append(["月河社区", 1, 1, 0, 2])
    summary.append(["梅湾社区", 0, 0, 1, 1])
    headers = [
        "序号", "姓名", "身份证号", "联系电话", "居住地", "紧急联系人", "紧急联系人电话", "对象类别",
        "探访方式", "探访频次", "探访人", "探访人电话", "最近探访日期",
    ]  # fmt: skip
    sheets = {
        "月河社区": (
            (p.GA_LUO, "13605730070", "月河小区3幢2单元501室", "罗斌", "13905730071", "高风险对象",
             "上门走访", "每周1次", "王网格", "13805730079", "2026-11-20"),
            (p.GA_TANG, "", "月河小区7幢1单元102室", "唐小妹", "13905730073", "重点对象",
             "电话探访", "每月1次", "王网格", "13805730079", "2026-11-02"),
        ),
        "梅湾社区": (
            (p.GA_HAN, "13605730074", "梅湾街18号", "", "", "一般对象",
             "上门走访", "每季度1次", "赵网格", "13805730078", "2026-10-15"),
        ),
    }  # fmt: skip
    for community, rows in sheets.items():
        ws = wb.create_sheet(community)
        _title(ws, 1, f"{community}特殊困难老年人探访关爱台账", len(headers))
        ws.append(headers)
        for n, (who, *rest) in enumerate(rows, 1):
            _put(built, ws, who, [n, who.name, who.id_number, *rest])
        ws.append(["负责人：", None, None, "填表日期：2026年11月25日"])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L10
# 上海市居家养老服务补贴申请审批表 (附件五): 申请人 姓名 / 身份证号码 / 性别 / 出生年 月 / 住宅电话 /
# 移动电话, 代理人姓名 / 与申请人关系 / 住宅电话 / 移动电话, 经济状况 (退休金 子女补贴 亲友资助 其它补贴),
# 居住状况 (与子女或亲戚朋友同住 与配偶同住 独居 入住养老机构), https://www.renrendoc.com/paper/159977029.html.
# As a 街镇's list of applications: merged 申请人 and 代理人 groups, so 住宅电话 and 移动电话 appear twice.
def shanghai_subsidy_two_row(tmp_path: Path) -> Built:
    built = Built(tmp_path / "居家养老服务补贴申请审批汇总.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "审批汇总"
    ws.append([None])
    ws.append(["区县/街镇：徐汇区XX街道　　　　申请日期：2026年11月"])
    spec = [
        ("编号", []),
        ("申请人", ["姓名", "身份证号码", "性别", "出生年月", "住宅电话", "移动电话"]),
        ("居住地址", []),
        ("经济状况", []),
        ("居住状况", []),
        ("代理人", ["姓名", "与申请人关系", "住宅电话", "移动电话"]),
        ("服务形式", []),
        ("审批意见", []),
    ]
    width = _two_row_header(ws, 3, spec)
    ws.cell(1, 1, "上海市居家养老服务补贴申请审批表（汇总）")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    rows = (
        (p.SH_SHI, "021-64001111", "13916400001", "漕溪北路1弄2号301室", "退休金", "独居",
         "施国强", "儿子", "021-64002222", "13916400002", "上门服务", "同意"),
        (p.SH_GU, "", "13916400003", "天钥桥路5号", "子女补贴", "与配偶同住",
         "", "", "", "", "日托服务", "同意"),
        (p.SH_ZHU, "021-64003333", "", "宛平南路8号", "其它补贴", "与子女或亲戚朋友同住",
         "朱敏", "女儿", "", "13916400006", "上门服务", "同意"),
    )  # fmt: skip
    for n, (who, home, mobile, *rest) in enumerate(rows, 1):
        own = [who.name, who.id_number, who.gender, who.month, home, mobile]
        _put(built, ws, who, [f"XH{n:03d}", *own, *rest])
    ws.append(["经办人：", None, None, None, "审核人："])
    wb.save(built.path)
    return built


# ---------------------------------------------------------------------------------------------- L11
# 一人一册 (one book per person): a cover sheet (封面), the person's 基本信息 as a form and a 走访记录 table.
# No public 一人一册 template was found with the search tool; the cover follows the issue's "一人一册 cover
# sheet", the 基本信息 items the 安庆 圣埠社区 register (姓名、身份证号、联系电话、居住地、紧急联系人,
# http://m.ahwang.cn/p/2574491.html), the 走访记录 columns the 内蒙古 探访 意见 (http://szb.northnews.cn/
# bfxb/html/2022-06/23/content_37070_184039.htm).
def one_person_book(tmp_path: Path) -> Built:
    who = p.YR_YANG
    built = Built(tmp_path / f"一人一册_{who.name}.xlsx")
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    _title(cover, 1, "月河社区特殊困难老年人关爱服务", 4)
    _title(cover, 2, "一 人 一 册", 4)
    for line in (f"姓名：{who.name}", "编号：YH-2026-007", "所在社区：月河社区　月河1网格",
                 "网格员：王网格　联系电话：13805730099", "建档日期：2026年3月"):  # fmt: skip
        cover.append([line])
    info = wb.create_sheet("基本信息")
    _title(info, 1, "基本信息", 4)
    info.append(["姓名", who.name, "性别", who.gender])
    info.append(["身份证号码", who.id_number, "出生年月", who.month])
    info.append(["联系电话", "13605730090", "居住情况", "独居"])
    info.append(["紧急联系人", "杨晓东", "联系电话", "13905730091"])
    info.append(["健康状况", "高血压", "失能情况", "无"])
    info.append(["居住地", "月河小区2幢1单元201室"])
    built.rows[who.name] = ("基本信息", 2)
    visits = wb.create_sheet("走访记录")
    visits.append(["走访日期", "走访方式", "走访人", "老人状况", "需协调事项", "老人签字"])
    visits.append(["2026-10-08", "上门", "王网格", "良好", "", "杨秀珍"])
    visits.append(["2026-11-05", "电话", "王网格", "感冒已好", "", ""])
    wb.save(built.path)
    return built


PUBLIC_LAYOUTS = (
    hangzhou_application_forms,
    hangzhou_application_roster,
    service_recipients_two_row,
    dibao_family_register,
    kongchao_survey,
    resident_register_flags,
    tekun_register,
    ability_assessment_info,
    care_ledger_per_community,
    shanghai_subsidy_two_row,
    one_person_book,
)
