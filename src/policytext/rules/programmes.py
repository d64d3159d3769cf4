"""Compiled patterns for named programmes, policy documents, packages, funds, platforms and zones.

Each rule is compiled once, written with ``re.VERBOSE`` and a comment per line, and carries
positive and negative examples (:data:`EXAMPLES`) that ``tests/test_programmes.py`` runs through
:func:`policytext.programmes.extract_programmes`. Rules find candidates; the extractor decides the
left boundary, the category and whether a candidate is a name or a generic phrase.

>>> TITLE_RE.search("印发《杨浦区提升科技创新能级“十四五”规划》的通知").group("name")
'杨浦区提升科技创新能级“十四五”规划'
>>> HEAD_RE.search("大力实施科技小巨人工程").group("head")
'工程'
>>> HEAD_RE.search("工程技术研究中心") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ------------------------------------------------------------------ heads: the word that ends a name

# Head word -> CONTRACT category. A name ends in one of these; longest first in the alternation,
# so 行动计划 wins over 计划 and 示范基地 over 基地.
HEADS: dict[str, str] = {
    # programmes (计划/工程/行动/专项 aimed at people become talent_programme in the extractor)
    "行动计划": "programme", "专项行动": "programme", "计划": "programme", "工程": "programme",
    "行动": "programme", "专项": "programme", "试点": "programme", "试点城区": "programme",
    "综合试点": "programme", "人才专项": "programme", "服务券": "programme", "创新券": "programme",
    "试点城市": "programme", "试点单位": "programme",
    # policy documents
    "规划纲要": "policy_document", "发展纲要": "policy_document", "纲要": "policy_document",
    "规划": "policy_document", "实施方案": "policy_document", "行动方案": "policy_document",
    "工作方案": "policy_document", "实施意见": "policy_document", "指导意见": "policy_document",
    "若干意见": "policy_document", "管理办法": "policy_document", "实施办法": "policy_document",
    "暂行办法": "policy_document", "资助办法": "policy_document", "实施细则": "policy_document",
    "条例": "policy_document", "清单": "policy_document", "专项规划": "policy_document",
    # packages
    "政策体系": "policy_package", "扶持政策": "policy_package", "支持政策": "policy_package",
    "政策": "policy_package", "政策支撑体系": "policy_package", "举措": "policy_package",
    # funds
    "引导基金": "fund", "产业基金": "fund", "投资基金": "fund", "创投基金": "fund",
    "基金会": "fund", "基金": "fund", "专项资金": "fund", "启动金": "fund",
    "贷": "fund",
    "担保贷款": "fund", "金融产品": "fund", "系列产品": "fund", "产品套餐": "fund",
    # platforms
    "服务平台": "platform", "平台": "platform", "联盟": "platform", "交易所": "platform",
    "研究院": "platform",
    # zones
    "示范区": "zone", "示范基地": "zone", "基地": "zone", "示范园区": "zone", "产业园": "zone",
    "科技园": "zone", "软件园": "zone", "功能区": "zone", "集聚区": "zone", "高新区": "zone",
    "试验区": "zone", "创新区": "zone", "生态园": "zone", "创业园": "zone", "产业园区": "zone",
    # events
    "活动周": "event", "博览会": "event",
}

# Heads whose unquoted use is too often generic to trust (政策 alone, 试点 alone, 专项 alone):
# they make a name only inside quotes, 《》 or a numbered bundle.
QUOTED_ONLY_HEADS = frozenset({"政策", "试点", "专项", "扶持政策", "支持政策", "政策体系", "举措",
                               "清单", "金融产品", "系列产品", "产品套餐", "贷"})

# Policy-document heads: unquoted, they make a name only with a 关于 clause or a plan period.
DOCUMENT_HEADS = frozenset(h for h, c in HEADS.items() if c == "policy_document")


def alternation(words) -> str:
    """A regex alternation of ``words``, escaped and sorted longest first.

    >>> alternation(["计划", "行动计划", "a.b"])
    '行动计划|a\\\\.b|计划'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


HEAD_RE = re.compile(
    rf"""
    (?P<head>{alternation(HEADS)})          # the head word that ends a name
    (?!技术|师|院|学|机械|化|单列|生育|经济学|  # not 工程技术, 工程师, 计划单列, 计划生育
       会(?<!基金会)|项目|署|部|处|科|组|额|款|  # not 计划项目, 行动组, 资金额, 贷款
       股权|投资|管理|公司|企业|机构|         # not 基金股权投资, 平台企业: a modifier
       指导|协调|领导|办公|小组|设计|监理|施工|造价|咨询|承包|  # not 工程指导协调小组, 工程监理
       排产|排程|                            # not 计划排产: production scheduling
       态)                                   # not 实行动态管理
    """,
    re.VERBOSE,
)

# ------------------------------------------------------------------ document titles

TITLE_RE = re.compile(
    r"""
    《                                      # opening title mark
    (?P<name>                               # the title without its outer marks
      (?:[^《》〈〉\n]                       #   any character but marks and newlines
       |〈[^《》〈〉\n]{1,80}〉                #   or a nested 〈title〉
      ){2,120}
    )
    》                                      # closing title mark
    """,
    re.VERBOSE,
)

INNER_TITLE_RE = re.compile(
    r"""
    〈                                      # a nested or standalone single title mark
    (?P<name>[^《》〈〉\n]{2,80})           # the title
    〉
    """,
    re.VERBOSE,
)

# ------------------------------------------------------------------ quoted names

QUOTED_RE = re.compile(
    r"""
    (?<![“"])[“"]                          # an opening quote, not doubled
    (?P<name>[^“”"\n。；;！？!?]{1,40}?)    # the quoted text, one clause at most
    [”"](?![”"])                            # the closing quote, not doubled
    """,
    re.VERBOSE,
)

# After a quoted name: a word that says the quote names a policy thing, and not part of the name.
QUOTE_MARKER_RE = re.compile(
    r"""
    ^(?:的|等[\u4e00-\u9fff]{0,4}?)?        # optional 的, or 等 and a few words (等政策性金融产品)
    (?P<marker>
      重要理念|核心理念|理念|重要思想|精神|要求|目标|战略|思路|发展格局|格局|品牌|定位|
      总体要求|基本思路|主题|口号|方针|原则|号召|模式|机制|体系|改革|试点|活动|工作法|
      举措|建设|特色服务|服务|产品|系列|项目|政策体系|政策(?!性)|措施|工程|计划|行动|窗口|布局|框架|
      平台|金融服务体系|服务体系|制度|管理制度|责任制
    )
    """,
    re.VERBOSE,
)

# A marker after a quoted name that makes it a pilot or a designation even when its words are generic:
# “智慧城市”试点, “智慧社区”示范, 开展“绿色学校”创建. A quote of generic words with nothing after it
# (“众创空间”) stays a phrase.
PILOT_MARKER_RE = re.compile(
    r"""
    ^(?:的|等)?                            # optional 的 or 等
    (?P<marker>
      试点|示范|创建|评选|建设试点|示范创建|创建活动|先行区    # a pilot, demonstration or award scheme
    )
    """,
    re.VERBOSE,
)

# A marker a few words after a short quoted name: “三帮一”帮扶工作, “三找”主题活动.
LATER_MARKER_RE = re.compile(
    r"""
    [\u4e00-\u9fff]{0,3}?                  # a few words: 帮扶, 主题
    (?:工作|活动|行动|工程|改革|建设|战略|要求|精神|理念|目标|格局|布局|模式|机制|体系|品牌)  # the marker
    """,
    re.VERBOSE,
)

# Heads after a quote that are a classifier, not part of the name: “3310”项目 -> 3310.
CLASSIFIER_HEADS = frozenset({"政策体系", "政策", "项目", "品牌", "系列", "改革", "试点", "体系",
                              "举措", "措施", "建设", "产品", "理念", "战略", "模式", "机制"})

# ------------------------------------------------------------------ numbered bundles and slogans

NUMERAL = "一二三四五六七八九十两双百千万"

BUNDLE_RE = re.compile(
    rf"""
    (?<![第{NUMERAL}\d])                   # a whole numeral, not an ordinal
    (?P<name>
      [{NUMERAL}]{{1,2}}大                   # 十大 / 六大
      (?!数据|学|型|众|厅|会|队|街|道|桥|楼|院|力|幅|量|规模|批)  # not 三大数据…, 大学, 大型
      (?:(?!方面|类|领域|个|项|种)[\u4e00-\u9fff]){{0,8}}?  # what is bundled: 扶持, 科技创新服务
      (?:{alternation(h for h in HEADS if HEADS[h] != "policy_document")}
        |产业集群|产业|举措|项目|工程项目)    # or an industry / measure bundle
    )
    """,
    re.VERBOSE,
)

ARTICLES_RE = re.compile(
    r"""
    (?<=[\u4e00-\u9fff])                   # after the label (科创, 人才, 金融), not after 第
    (?<!第)
    (?P<count>\d{1,3})条                    # 28条: a numbered package of articles
    (?:(?P<head>政策|措施|意见)              # a head: 科创28条政策
      |(?=[”的、）)]))                       # or the name ends here: 科创28条的落实, “科创22条”
    """,
    re.VERBOSE,
)

NUMBERED_SLOGAN_RE = re.compile(
    rf"""
    (?<![第{NUMERAL}\d])                   # a whole numeral
    (?P<name>
      [{NUMERAL}]                          # 三 / 四 / 两
      (?:区|城|链|化|网|地|新|业|高)         # the counted things: 三区, 四化, 四高
      (?:联动|融合|协同|并举|齐飞|互动|一体|城区|同步|合一)  # and how they combine
    )
    (?!化)                                 # 三区一体化 is a process, not the slogan
    """,
    re.VERBOSE,
)

# ------------------------------------------------------------------ abbreviations

ABBREVIATION_RE = re.compile(
    r"""
    [（(]?                                 # optional opening parenthesis
    (?:以下|下文)?(?:简称|称)               # 以下简称 / 简称 / 下称
    [:：]?                                  # optional colon
    [“《"](?P<alias>[^”》"\n]{1,20})[”》"]  # the alias in quotes or title marks
    """,
    re.VERBOSE,
)

# ------------------------------------------------------------------ left boundary

# Words that end the clause before a name: verbs of doing and having, determiners, conjunctions.
# A name starts after the last of these. 建设/发展 are left out: they sit inside many names.
BOUNDARY_WORDS: tuple[str, ...] = (
    "实施", "推进", "推动", "打造", "建立", "建成", "依托", "入选", "加快", "发挥", "完善", "落实",
    "开展", "深化", "启动", "组建", "设立", "对接", "纳入", "申报", "参与", "承担", "争取", "加强",
    "围绕", "聚焦", "支持", "鼓励", "引导", "通过", "创建", "形成", "做好", "抓好", "用好",
    "利用", "制定", "出台", "发布", "印发", "贯彻", "执行", "举办", "成立", "成为", "列入",
    "获批", "获得", "作为", "按照", "根据", "依据", "结合", "配合", "借助", "实现", "运用", "积极",
    "大力", "全面", "继续", "进一步", "持续", "着力", "重点", "加大", "扩大", "优化", "健全", "构建",
    "搭建", "筹建", "推出", "出资", "吸引", "探索", "编制", "修订",
    "审议", "通过了", "召开", "参加", "承办", "面向", "带动", "夯实", "升级",
    "切实", "认真", "深入", "有效", "稳步", "加速", "确保", "坚持", "扎实", "努力", "力争",
    "力促", "规范", "评选", "认定", "入围", "荣获", "被评为", "授予", "命名为",
    "一批", "一系列", "多个", "若干", "各类", "各项", "各级", "相关", "有关", "其他", "这些", "该",
    "以", "在", "和", "与", "及", "或", "等", "的", "为", "是", "将", "把", "对", "由",
    "向", "从", "于", "了", "并", "跟", "被", "让", "使", "给", "已", "还", "也",
    "都", "要", "又", "再", "即", "是", "均", "所有", "丰富", "以上", "以下", "左右", "等地",
    "组织", "培育", "引进", "筛选", "适合", "鼓励", "自建", "引入", "简称", "报", "推行", "采用",
    "给予", "壮大", "共设", "办理", "集成", "克服", "缺乏", "筹集", "保持", "争取",
    "抓住", "包括", "新建", "拓展", "现有", "首批", "第一批",
    "建设", "挖掘", "分析", "高举", "考察", "研讨", "符合", "动员", "打响", "做深", "做实", "争创",
    "申请", "承接", "对标", "瞄准", "参照", "依照", "遵循", "落地", "引入", "招引", "新增", "累计",
    "拥有", "入驻", "落户", "加入", "牵头", "依靠", "发放", "设计", "组成", "包含", "联手",
    "我区", "我市", "我省", "本区", "本市", "本省", "全区", "全市", "全省", "推选为", "确保",
    "提高", "完成", "做强", "做大", "做优", "提供", "架构", "整合", "共建", "共享", "面向", "带动",
)

# Verbs that also end many names (素质提升计划, 人才引进计划, 小巨人培育工程): a boundary only
# when a name of three or more characters follows them (提升长三角双创示范基地联盟).
WEAK_BOUNDARY_WORDS = frozenset({"提升", "促进", "培育", "引进", "建设", "强化", "保障", "组织", "联合"})

BOUNDARY_WORDS = tuple(sorted(set(BOUNDARY_WORDS) | WEAK_BOUNDARY_WORDS))

BOUNDARY_RE = re.compile(
    rf"""
    (?:{alternation(BOUNDARY_WORDS)})       # a verb, determiner or conjunction
    """,
    re.VERBOSE,
)

# Words a quoted name's tail may not run across: “一线工作法”等平台 is not one name.
TAIL_STOP_RE = re.compile(
    r"""
    等|的|和|与|及|为|是|将|把|对|或|、|方式|给予|提供   # conjunctions, particles, copulas, means
    """,
    re.VERBOSE,
)

# Names of trades, disciplines and works that end in a head word but name no programme.
NOT_A_NAME_RE = re.compile(
    r"""
    (?:土木|软件|系统|通信|市政|水利|电气|机械|化学|生物|环境|园林|绿化|安居|民心|形象|海洋|可靠性|
       生物医学|材料|能源|信息|电子|控制|交通|建筑|测绘|遗传|基因)工程$  # disciplines
    |(?:隧道|道路|大桥|桥梁|管网|泵站|线路|公路|铁路|河道|大楼)工程$  # works
    |[一二三四五六七八九十两]+(?:年多|多年|个多)          # a count inside the name: 六年多
    |^\d+[大个项类市家所]                              # a count in digits: 5大, 16市
    |上平台$                                           # 企业上云上平台: a verb phrase
    |(?:企业资源|物料需求|制造资源|生产|采购|作业|工艺|排产|调度|召回)计划$  # ERP, MRP, production plans
    |计算机辅助                                         # CAE, CAPP: engineering software
    |(?:[一二三四五六七八九十\d]期|改造|扩建|新建|土建|主体|段|供水|排水|供热|堤防|处置|搬迁|铺设|
       维修|整治|修缮|安装|装修|管网|线路|道路|桥|贯通|公厕|厕所)工程$  # construction works
    """,
    re.VERBOSE,
)

# Boundary words that also join the parts of one document title (国民经济和社会发展).
JOINING_WORDS = frozenset({"和", "与", "及", "的", "并", "或"})

STRONG_BOUNDARY_RE = re.compile(
    rf"""
    (?:{alternation(w for w in BOUNDARY_WORDS if w not in JOINING_WORDS)})  # verbs and determiners
    """,
    re.VERBOSE,
)

# Physical works: an 工程 holding one of these words is a construction project of a work report or
# a sector plan (泵闸新改建工程, 河道水质提升工程), which the annotation scheme leaves out.
WORKS_RE = re.compile(
    r"""
    泵闸|泵站|疏浚|加固|调蓄|迁建|改建|重建|拆除|复线|提标|积水|排水|污水|雨水|堤防|护岸|清淤|河道|  # water
    管道|管网|隧道|大桥|桥梁|公路|铁路|道路|立交|地铁|轨道|                                      # transport
    绿化|亮化|美化|硬化|场馆|校舍|厂房|水厂|电厂|变电站|住宅|安置房|棚户区|棚改|围墙|大楼|写字楼|  # buildings
    景观|中水|路网|续建|扩建|新建|改造|                                                         # works
    水质|防洪|除涝|排涝|海绵|公厕|厕所                                   # water and sanitation works
    """,
    re.VERBOSE,
)

# Generic words: a candidate made only of these (plus its head) is a phrase, not a name.
GENERIC_WORDS = (
    "创新", "创业", "科技", "服务", "公共", "重大", "重点", "专项", "工作", "发展", "建设", "管理",
    "综合", "技术", "产业", "企业", "项目", "研发", "功能", "孵化", "示范", "试点", "国家级", "省级",
    "市级", "区级", "县级", "地方", "新型", "特色", "品牌", "专业", "配套", "优惠", "扶持", "支持",
    "引导", "政府", "社会", "人才", "金融", "投资", "年度", "三年", "五年", "中长期", "行动", "信息",
    "数据", "公益", "改革", "开放", "招商", "城市", "区域", "全区", "全市", "全省", "本区", "本市",
    "我区", "我市", "我省", "各级", "基础", "设施", "大型", "重要", "核心", "骨干", "高端", "高水平",
    "高质量", "主要", "总体", "全面", "深入", "系列", "相关", "有关", "各类", "各项", "实施", "推进",
    "提升", "能力", "质量", "效益", "安全", "应急", "保障", "民生", "文化", "教育", "卫生", "医疗",
    "农业", "工业", "经济", "生态", "环境", "资源", "能源", "交通", "水利", "旅游", "体育", "科普",
    "成果", "转化", "转移", "合作", "交流", "协同", "融合", "联合", "联动", "合作", "培训", "就业",
    "培养", "引进", "奖励", "补贴", "资助", "贷款", "担保", "风险", "创投", "股权", "产业化",
    "战略", "性", "新兴", "现代", "传统", "先进", "制造", "数字", "智能", "智慧", "绿色", "低碳",
    "节能", "环保", "共享", "开放式", "一体化", "标准化", "规范化", "信息化", "网络化", "国际",
    "国内", "对外", "研究", "中心", "平台", "体系", "机制", "制度", "模式", "标准", "规范", "目标",
    "任务", "措施", "政策", "计划", "规划", "方案", "意见", "办法", "细则", "若干", "具体", "有效",
    "各", "全", "总", "新", "老", "大", "小", "多", "高", "强", "优", "好", "等", "和", "与", "及", "的",
    "、", "专", "精", "特", "一", "二", "三", "年", "期", "类", "级", "化", "上", "下", "中", "内",
    "外", "其", "该", "本", "我", "其他", "这些", "此", "区", "市", "省", "县", "镇", "乡", "村",
    "街道", "社区", "园区", "基地", "企业家", "中小", "中小企业", "民营", "国有", "外资", "外贸",
    "大学", "高校", "院校", "行业", "功能型", "互联网", "总部", "电商", "知名", "后续", "事业", "先行",
    "战略联盟", "多种形式", "形式", "种子", "子", "型", "式", "站", "一站式", "云", "政务", "融资",
    "交流", "互动", "实践", "体验", "体验型", "共享型", "集聚", "集群", "要素", "市场", "机构",
    "校外", "技能", "校内", "企业级", "品质", "生活", "高层次", "海外", "留学", "青年", "妇女",
    "对接", "产投", "学科", "交叉", "科创", "促进", "首批", "应用", "个", "若干个", "提升", "创新型",
    "实训", "综合型", "双跨", "聚合", "垂直", "领域", "跨行业", "跨领域", "优秀", "龙头",
    "国家", "全国", "中国", "科研", "实验", "检测", "研发中心", "世界一流", "一流", "水平",
)

# Common words: a programme, fund or package whose core is only these is a phrase (工作计划,
# 重大工程, 专项资金). Lighter than GENERIC_WORDS: 国家技术创新工程 and 创业引导基金 are names.
COMMON_WORDS = (
    "工作", "重大", "重点", "各类", "各项", "年度", "专项", "行动", "实施", "发展", "建设", "相关",
    "有关", "这些", "该", "本", "此", "其", "一批", "若干", "三年", "五年", "中长期", "系统", "市政",
    "安居", "通信", "土木", "水利", "隧道", "道路", "绿化", "民心", "惠民", "形象", "基础", "配套",
    "财政", "政策", "资金", "支持", "扶持", "补助", "补贴", "奖励", "引导", "专项", "项目",
    "我区", "我市", "我省", "全区", "全市", "全省", "本区", "本市", "各级", "区级", "市级", "省级",
    "国家级", "新", "老", "各", "全", "总", "大", "小", "的", "等", "和", "与", "及", "、", "年",
    "主要", "具体", "有效", "重要", "一", "二", "三", "四", "五", "工程", "计划", "创新", "科技",
    "改革", "试点", "示范", "培育", "提升", "推进", "攻坚", "专业", "技术", "信息化", "智慧", "数字",
    "人才", "积极", "单项", "全年", "引进", "产业", "社会", "流动", "投资", "投入", "个", "若干个",
    "民生", "综合性", "综合", "运营", "下达", "收到", "培训", "进度", "工作", "实施", "管理",
    "市", "区", "省", "县", "多", "奖补", "补助", "后补助", "保障", "贴息", "头号", "整治", "集中", "百日",
    "清理", "专项整治", "强化", "加强", "完善", "健全", "优化", "壮大", "支出", "财政性", "办理",
    "地下", "设施", "基础设施", "各市", "统筹", "各县", "各区", "战略", "克服", "解决", "更多", "教学",
    "学校", "应用", "示范应用", "应用示范",
)

COMMON_RE = re.compile(
    rf"""
    (?:{alternation(COMMON_WORDS)})+        # one or more common words, nothing else
    """,
    re.VERBOSE,
)

GENERIC_RE = re.compile(
    rf"""
    (?:{alternation(GENERIC_WORDS)})+       # one or more generic words, nothing else
    """,
    re.VERBOSE,
)

# Periods such as 十四五 are dates, not names.
PERIOD_RE = re.compile(
    r"""
    ^(?:[六七八九]|十[一二三四五]?)五$         # 六五 .. 十五五 (七五普法 too)
    """,
    re.VERBOSE,
)

# A list enumerator before a heading's name: （二）智慧经济培育行动, 1.实施…, 一是.
ENUMERATOR_RE = re.compile(
    r"""
    (?:[（(][一二三四五六七八九十\d]{1,3}[）)]      # （二）
      |[一二三四五六七八九十]{1,3}[、是]           # 二、 / 二是
      |\d{1,2}[.．、]                            # 1. / 1、
    )
    """,
    re.VERBOSE,
)

# Words that mark a platform, zone or event name as proper (national or foreign): an unquoted
# 平台/基地/示范区 is a name only when it starts with one of these or with a place.
PROPER_PREFIX_RE = re.compile(
    r"""
    国家|全国|中国|中央|国际|世界|全球|亚洲|     # national / international
    长三角|长江三角洲|京津冀|粤港澳|珠三角|成渝    # regional
    |[A-Za-z]{2,}                                # a Latin brand
    """,
    re.VERBOSE,
)

# Verbs a name does not start with: 积极发展大科学计划 -> 大科学计划.
LEADING_VERB_RE = re.compile(
    r"""
    (?:发展|建设|推进|实施|开展|加强|提升|促进|培育|引进|强化)   # a verb left at the start
    (?=[\u4e00-\u9fff]{4})                              # before a name of four or more
    """,
    re.VERBOSE,
)

# A title in 《》 names a document when it ends in a genre or a legal form; other short titles
# are plays, books and programmes on television (《天边》).
DOCUMENT_TITLE_RE = re.compile(
    r"""
    (?:规划|纲要|方案|意见|办法|条例|细则|规定|规则|决定|决议|通知|通告|公告|报告|要点|指南|标准|
       目录|清单|名录|计划|法|章程|协议|批复|函|意见稿|措施|政策|条|号|年[）)]?|[）)])$   # genres
    """,
    re.VERBOSE,
)

# Markers that a programme targets people: it is then a talent programme.
TALENT_RE = re.compile(
    r"""
    人才|英才|学者|专家|技师|精英|领军|带头人|千人|万人|青年|博士|引智|名医|名师|名教师|名校长|启明星
    """,
    re.VERBOSE,
)

# Chinese or Latin name characters a name may hold (plus quotes and half/full parentheses).
NAME_CHAR_RE = re.compile(
    r"""
    [\u3400-\u9fffA-Za-z0-9０-９＋+·\-－“”（）()*＊]    # han, latin, digits, +, ·, -, quotes, parens, masks
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Example:
    """A golden case: ``text`` must (``expect`` given) or must not (``expect`` None) yield ``name``."""

    rule: str
    text: str
    name: str
    present: bool = True
    comment: str = ""


EXAMPLES: tuple[Example, ...] = (
    # titles
    Example("title", "根据《上海市推进科技创新中心建设条例》", "上海市推进科技创新中心建设条例"),
    Example("title", "印发《杨浦区提升科技创新能级“十四五”规划》的通知", "杨浦区提升科技创新能级“十四五”规划",
            comment="quoted period inside a title"),
    Example("title", "《关于检查本区贯彻实施〈上海市推进科技创新中心建设条例〉情况的审议意见》",
            "关于检查本区贯彻实施〈上海市推进科技创新中心建设条例〉情况的审议意见", comment="nested 〈〉"),
    Example("inner_title", "《关于检查本区贯彻实施〈上海市推进科技创新中心建设条例〉情况的审议意见》",
            "上海市推进科技创新中心建设条例"),
    Example("title", "请阅读《》。", "", present=False, comment="empty title marks"),
    # quoted
    Example("quoted_suffix", "区域内入选国家“千人计划”的人才", "千人计划"),
    Example("quoted_suffix", "以“百企成长计划”为契机", "百企成长计划"),
    Example("quoted_head", "“千人计划”、“3310”项目", "3310", comment="项目 is a classifier"),
    Example("quoted_head", "以“3310”政策体系建设为突破口", "3310"),
    Example("quoted_head", "实施“百名产业精英”工程", "百名产业精英工程"),
    Example("quoted_head", "率先在全市实施区级“双创小巨人”培育工程", "双创小巨人培育工程"),
    Example("quoted_numbered", "围绕科技部“四个着力”的要求", "四个着力"),
    Example("quoted_list", "营造“大众创业、万众创新”的生态环境", "大众创业、万众创新"),
    Example("quoted_marker", "深入践行“人民城市”重要理念", "人民城市"),
    Example("quoted_marker", "全面实行“首问负责”制度", "首问负责", comment="a named institution"),
    Example("quoted", "推动孵化器建设由“量变”实现“质变”", "量变", present=False,
            comment="a quoted word without a programme marker"),
    Example("quoted", "2016年是““十三五””开局之年", "十三五", present=False, comment="a period"),
    Example("quoted", "重点打造“众创空间”。", "众创空间", present=False, comment="a generic quoted noun"),
    # suffix
    Example("suffix", "大力实施科技小巨人工程，支持企业", "科技小巨人工程"),
    Example("suffix", "充分发挥云海创投基金引导作用", "云海创投基金"),
    Example("suffix", "着力实施前沿科技突破行动、产业补链强链行动", "前沿科技突破行动"),
    Example("suffix", "提升长三角双创示范基地联盟的影响力", "长三角双创示范基地联盟"),
    Example("suffix", "探索建设创新服务平台", "创新服务平台", present=False, comment="generic"),
    Example("suffix", "制定年度工作计划", "年度工作计划", present=False, comment="generic"),
    Example("suffix", "推进一批重大工程", "重大工程", present=False, comment="generic"),
    Example("suffix", "国家、市级工程技术研究中心", "工程", present=False, comment="工程技术 is no head"),
    Example("suffix", "实施创新型企业阶梯式成长促进计划", "创新型企业阶梯式成长促进计划"),
    Example("suffix", "完成苏州河沿线堤防全线除险加固工程", "苏州河沿线堤防全线除险加固工程", present=False,
            comment="a construction work"),
    Example("suffix", "深入实施农村饮水安全工程", "农村饮水安全工程"),
    Example("suffix", "实施公厕建设工程", "公厕建设工程", present=False, comment="a sanitation work"),
    Example("suffix", "推进环浜水质提升工程", "环浜水质提升工程", present=False, comment="a water work"),
    Example("suffix", "强化智能计划排产", "强化智能计划", present=False, comment="计划排产 is scheduling"),
    Example("suffix", "促进企业资源计划(ERP)应用", "企业资源计划", present=False, comment="software"),
    Example("suffix", "复杂环境动态生产计划与调度", "复杂环境动态生产计划", present=False,
            comment="a factory's production plan"),
    Example("suffix", "计算机辅助工程（CAE）", "计算机辅助工程", present=False, comment="software"),
    # names whose parts are joined by 和, and local editions of a national programme
    Example("suffix", "重点推进上海软件和信息服务业基地建设", "上海软件和信息服务业基地",
            comment="和 joins two nouns after a place"),
    Example("suffix", "成为国家文化和旅游创客行动试点基地", "国家文化和旅游创客行动试点基地"),
    Example("suffix", "把思想和行动统一到国家创新型试点城区建设上来", "思想和行动统一到国家创新型试点城区",
            present=False, comment="和 between verbs' objects, no place"),
    Example("suffix", "实施千人计划和人才培养工程", "千人计划和人才培养工程", present=False,
            comment="two names, the first with its own head"),
    Example("quoted_local", "以国家“千人计划”和上海市地方“千人计划”为重点", "上海市地方千人计划"),
    Example("quoted_local", "以国家“千人计划”和上海市地方“千人计划”为重点", "千人计划"),
    Example("quoted_local", "支持地方“千人计划”人才", "地方千人计划", present=False, comment="no place"),
    # documents without title marks
    Example("document", "纳入上海国民经济和社会发展第十二个五年规划",
            "上海国民经济和社会发展第十二个五年规划"),
    Example("document", "审议市政府关于推进杨浦国家创新型试点城区建设指导意见",
            "关于推进杨浦国家创新型试点城区建设指导意见"),
    Example("document", "按照规划要求，编制实施方案", "实施方案", present=False),
    Example("drafted", "制定蔬菜产业发展规划，全力抓好供应", "蔬菜产业发展规划",
            comment="an unmarked title after a drafting verb"),
    Example("drafted", "研究制定智能汽车标识管理办法", "智能汽车标识管理办法"),
    Example("drafted", "编制完成主城区综合交通整治规划", "主城区综合交通整治规划"),
    Example("drafted", "制定相关配套实施细则", "相关配套实施细则", present=False, comment="a determiner"),
    Example("drafted", "标准的制定可对行业在线检测进行规划", "可对行业在线检测进行规划", present=False,
            comment="规划 as a verb"),
    Example("drafted", "制定全区发展规划", "全区发展规划", present=False, comment="generic subject"),
    # bundles and slogans
    Example("bundle", "完善十大扶持政策", "十大扶持政策"),
    Example("bundle", "科创场景赋能行动等六大专项行动", "六大专项行动"),
    Example("bundle", "搭建五大服务平台", "五大服务平台"),
    Example("bundle", "四大领域的应用", "四大领域", present=False, comment="a count, not a bundle name"),
    Example("articles", "抓好科创28条的落实", "科创28条"),
    Example("articles", "依照本法第28条规定", "本法第28条", present=False, comment="legal cross-reference"),
    Example("numbered_slogan", "进一步推动和深化三区联动", "三区联动"),
    Example("numbered_slogan", "第三区联动", "三区联动", present=False, comment="an ordinal"),
    # masks
    Example("quoted_suffix", "及时下发了“****计划”等文件", "****计划"),
    # lists classified by the word after them, back-to-back quotes
    Example("series", "投资了高榕资本、武岳峰基金等26家子基金", "高榕资本"),
    Example("series", "推进教育、卫生、文化等项目建设", "教育", present=False, comment="generic, works"),
    Example("quoted_series", "依托“爱山东”“齐鲁智脑”等平台", "爱山东"),
    Example("quoted_series", "可能存在“时差”“错位”。", "时差", present=False, comment="no marker after them"),
    # quoted pilot types: a pilot marker after the quote takes even generic words
    Example("quoted_pilot", "选择两个市作为“智慧城市”试点", "智慧城市"),
    Example("quoted_pilot", "开展“绿色学校”创建活动", "绿色学校"),
    Example("quoted_pilot", "推动“智慧城区、社区”试点", "智慧社区", comment="a shared modifier"),
    Example("quoted_pilot", "推动“智慧城区、社区”试点", "智慧城区"),
    Example("quoted_pilot", "推进“绿色”试点", "绿色", present=False, comment="too short to name a pilot"),
    Example("quoted_pilot", "推进“城区、社区”试点", "城区社区", present=False, comment="nothing shared"),
    Example("quoted_pilot", "打造“智慧城市”。", "智慧城市", present=False, comment="no marker after it"),
    # lexicon
    Example("lexicon", "承担国家高技术研究发展计划项目", "国家高技术研究发展计划", comment="863计划"),
    Example("lexicon", "巩固退耕还林成果", "退耕还林", comment="a national programme named bare"),
    Example("lexicon", "参加新农合的农民", "新农合", comment="an abbreviation in the lexicon"),
    Example("lexicon", "全面推行河长制、湖长制", "湖长制"),
    Example("lexicon", "缩减外商投资准入负面清单", "外商投资准入负面清单"),
    Example("lexicon", "支持企业在科创板上市", "科创板", present=False, comment="bare=no: a common word"),
    # unquoted platforms and zones need a proper start
    Example("suffix", "加快建立山东旅游大数据平台", "山东旅游大数据平台", comment="a place starts it"),
    Example("suffix", "构建人工智能网络安全平台", "人工智能网络安全平台", present=False,
            comment="a descriptive platform without a proper start"),
)

# A counted prefix before a head word: “五大功能区”, “五个建设工程” name a bundle.
COUNTED_PREFIX_RE = re.compile(
    rf"""
    [{NUMERAL}]{{1,2}}[大个项]              # 五大, 五个, 十项
    (?:[\u4e00-\u9fff]{{0,4}})             # and a few words: 建设
    """,
    re.VERBOSE,
)

# A classifier right after a quote or a head: “3310”项目, “1+6+4”产业扶持政策体系 -> the quoted name.
CLASSIFIER_AT_RE = re.compile(
    r"""
    政策体系|体系|项目|品牌|系列(?!产品)|改革|举措|措施|理念|战略|模式|机制|政策    # classifier words
    """,
    re.VERBOSE,
)

# The end of a list of names that the words after it classify: 高榕资本、武岳峰基金等26家子基金.
SERIES_END_RE = re.compile(
    r"""
    等                                      # the list ends
    (?:\d{1,3}|[一二三四五六七八九十两]{1,3})?[支家个只项]?  # an optional count: 26家, 4支
    (?P<kind>产业基金|子基金|基金|政策性金融产品|金融产品|联动实事项目|
             实事项目|特色服务)              # what the listed names are (not 项目, 平台: generic)
    """,
    re.VERBOSE,
)

SERIES_KINDS = {"产业基金": "fund", "子基金": "fund", "基金": "fund", "政策性金融产品": "fund",
                "金融产品": "fund",
                "联动实事项目": "programme", "实事项目": "programme", "特色服务": "programme"}

# ------------------------------------------------------------------ small patterns the extractor uses

# Clause punctuation inside a quote: “大力实施…工程,推进…” is a clause, not a name.
CLAUSE_PUNCT_RE = re.compile(
    r"""
    [，,；;]                                # comma or semicolon, full or half width
    """,
    re.VERBOSE,
)

# Separators of the items of a quoted list: “大众创业、万众创新”, “一条主线，四个着力”.
LIST_SEP_RE = re.compile(
    r"""
    [、，,]                                 # enumeration comma or comma
    """,
    re.VERBOSE,
)

# A verb right before a quote that makes the quote a programme or slogan: 推行“河长制”, 践行“…”.
VERB_BEFORE_QUOTE_RE = re.compile(
    r"""
    (?P<verb>践行|坚持|弘扬|推行|深化|开展|启动|推出|入选|争创|荣获)$   # the verb ends the text before
    """,
    re.VERBOSE,
)
SLOGAN_VERBS = frozenset({"践行", "坚持", "弘扬"})

# A quoted number that is a time span or a figure, not a slogan: “7×24小时”, “90%”.
NOT_A_SLOGAN_RE = re.compile(
    r"""
    \d+\s*[×xX*]\s*\d+                      # 7×24
    |[0-9０-９.]+[%％]?$                     # a bare figure
    """,
    re.VERBOSE,
)

# After a document head: the name runs on (…纲要〈决议〉, …规划的通知), so the head ends nothing.
DOCUMENT_CONTINUES_RE = re.compile(
    r"""
    的通知|通知|决议|决定|〉|>              # a longer title goes on
    """,
    re.VERBOSE,
)

# A plan period before a 规划 head: 第十二个五年规划, “十三五”规划, 2021-2025年规划.
PLAN_PERIOD_RE = re.compile(
    r"""
    五年                                    # 第十二个五年
    |十[一二三四五]?五”?$                   # 十三五 or “十三五”
    |\d{4}[-－—至~～]\d{4}年?$              # 2021-2025年
    """,
    re.VERBOSE,
)

# A verb that drafts or issues a document: the unmarked title after it names one (制定…规划).
DRAFTING_VERB_RE = re.compile(
    r"""
    (?:研究|组织|抓紧|及时|先后|连续三年|相继)?       # optional adverbs of drafting
    (?:制定|制订|编制|修编|修订|出台|印发|颁布|起草|发布)  # the drafting or issuing verb
    (?:实施|出台|印发|并实施|完成|落实|了)?           # 发布实施, 制定出台, 编制完成, 编制了
    """,
    re.VERBOSE,
)

# Words after a drafting verb that say which documents, not what they are called: 制定相关实施细则.
DRAFT_DETERMINER_RE = re.compile(
    r"""
    相关|有关|具体|配套|各项|各类|一批|一系列|若干|完善|和|及|并|各|本|新的|专门    # determiners
    |.*(?:进行|或)                                     # 对…进行规划 (a verb), 规划或意见 (two kinds)
    """,
    re.VERBOSE,
)

# The same periods anywhere, removed to see what a plan is about.
PERIOD_TEXT_RE = re.compile(
    r"""
    “?十[一二三四五]?五”?                   # 十三五, “十四五”
    |第[一二三四五六七八九十]+个五年         # 第十二个五年
    |\d{4}[-－—至~～]\d{4}年?               # 2021-2025年
    """,
    re.VERBOSE,
)

# Names of recurring events: 全国双创活动周, 世界制造业大会.
EVENT_NAME_RE = re.compile(
    r"""
    (?:大会|博览会|论坛|峰会|大赛|活动周)$  # the event word ends the name
    """,
    re.VERBOSE,
)

# A year before a name: 2016年工作计划 is judged without 2016年.
YEAR_PREFIX_RE = re.compile(
    r"""
    ^\d{4}年?(?:度)?                        # 2016年, 2016年度
    """,
    re.VERBOSE,
)

# A count or amount inside a would-be name: 500家企业孵化基地, ***个孵化基地.
QUANTITY_IN_NAME_RE = re.compile(
    r"""
    \d+(?:\.\d+)?[%％万亿千百家个项名所人支户次]   # a figure with a unit
    |[*＊]{2,}[个家名所项]                         # a masked count
    """,
    re.VERBOSE,
)

# A masked name: ****计划.
MASK_RE = re.compile(
    r"""
    [*＊]{2,}                               # two or more asterisks
    """,
    re.VERBOSE,
)
