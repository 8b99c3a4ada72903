"""The synthetic people of the corpus: fake names, valid ID numbers (real province codes, check digit
from ``idcard.check_char``), birth dates 1930-1960, 13x/15x/18x mobile numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from silverage.domain import idcard


@dataclass(frozen=True)
class Person:
    name: str
    born: date
    female: bool
    area: str = "330402"  # 浙江嘉兴南湖区; others below: 330106 杭州西湖, 310104 上海徐汇, 371302 临沂兰山
    seq: int = 1

    @property
    def id_number(self) -> str:
        s = self.seq * 2 + (0 if self.female else 1)
        body = f"{self.area}{self.born:%Y%m%d}{s % 1000:03d}"
        return body + idcard.check_char(body)

    @property
    def id15(self) -> str:
        """The old 15-digit number of the same person (two-digit year, no check digit)."""
        return self.id_number[:6] + self.id_number[8:17]

    @property
    def month(self) -> str:
        """出生年月 as offices write it: 1942年3月."""
        return f"{self.born.year}年{self.born.month}月"

    @property
    def dotted(self) -> str:
        """出生年月 as 1940.05."""
        return f"{self.born.year}.{self.born.month:02d}"

    @property
    def gender(self) -> str:
        return "女" if self.female else "男"


# L01 杭州 申请表 (form, one person per sheet)
HZ_FORM_A = Person("刘芳", date(1942, 3, 15), True, "330106", 11)
HZ_FORM_B = Person("陈桂英", date(1938, 7, 2), True, "330106", 12)
# L02 杭州 申请表 items as a roster
HZ_LIU = Person("刘芳", date(1942, 3, 15), True, "330106", 21)
HZ_CHEN = Person("陈桂英", date(1938, 7, 2), True, "330106", 22)
HZ_ZHOU = Person("周德明", date(1945, 11, 20), False, "330106", 23)
# L03 服务对象登记表
FW_WANG = Person("王秀兰", date(1940, 5, 9), True, "330402", 31)
FW_SUN = Person("孙志强", date(1936, 9, 1), False, "330402", 32)
FW_ZHAO = Person("赵玉梅", date(1948, 1, 27), True, "330402", 33)
# L04 低保 family register
DB_LI = Person("李桂花", date(1939, 4, 12), True, "371302", 41)
DB_ZHANG = Person("张德顺", date(1936, 2, 8), False, "371302", 42)
DB_MA = Person("马秀珍", date(1944, 10, 30), True, "371302", 43)
DB_WU = Person("吴凤英", date(1938, 2, 3), True, "371302", 44)  # written with her old 15-digit number
# L05 空巢老人 survey
KC_QIAN = Person("钱玉珍", date(1941, 8, 3), True, "330402", 51)
KC_ZHENG = Person("郑国华", date(1939, 12, 19), False, "330402", 52)
KC_FENG = Person("冯秀英", date(1944, 2, 11), True, "330402", 53)
# L06 resident register with 是否独居/是否空巢/是否孤寡 flags
RR_HUANG = Person("黄月娥", date(1941, 6, 18), True, "330402", 61)
RR_LIN = Person("林保根", date(1946, 3, 5), False, "330402", 62)
RR_HE = Person("何金凤", date(1933, 10, 10), True, "330402", 63)
RR_XIE = Person("谢长林", date(1950, 1, 20), False, "330402", 64)
# L07 特困供养人员 register
TK_CAO = Person("曹福根", date(1937, 5, 6), False, "371302", 71)
TK_SHAO = Person("邵银娣", date(1940, 9, 9), True, "371302", 72)
TK_JIANG = Person("蒋阿大", date(1945, 12, 12), False, "371302", 73)
# L08 老年人能力评估基本信息表
PG_DING = Person("丁桂兰", date(1939, 5, 12), True, "450103", 81)  # 广西南宁
PG_PENG = Person("彭志刚", date(1943, 8, 30), False, "450103", 82)
PG_LU = Person("陆阿三", date(1931, 1, 15), False, "450103", 83)
# L09 关爱探访台账
GA_LUO = Person("罗美华", date(1944, 4, 4), True, "340803", 91)  # 安徽安庆
GA_TANG = Person("唐根宝", date(1936, 6, 16), False, "340803", 92)
GA_HAN = Person("韩玉芬", date(1947, 7, 7), True, "340803", 93)
# L10 上海 居家养老服务补贴申请审批表
SH_SHI = Person("施凤珍", date(1935, 3, 3), True, "310104", 101)
SH_GU = Person("顾长发", date(1942, 12, 24), False, "310104", 102)
SH_ZHU = Person("朱兰英", date(1947, 2, 14), True, "310104", 103)
# L11 一人一册
YR_YANG = Person("杨秀珍", date(1943, 6, 21), True, "330402", 111)
# the masked-export round trip
EX_A = Person("沈阿毛", date(1940, 1, 2), False, "330402", 121)
EX_B = Person("许彩娣", date(1945, 5, 6), True, "330402", 122)
