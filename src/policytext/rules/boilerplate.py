"""Line rules for web and database-export furniture: what a scraped page adds around a document.

Each :class:`LineRule` has a name, the CONTRACT kind of what it removes, one compiled pattern
(``re.VERBOSE``, a comment per line) that must match the whole stripped line, and positive and
negative examples that ``tests/test_clean.py`` runs. The rules decide by the form of a line
(a label and a colon, a path of ``>`` separators, a bare URL); the few words they name are the
generic furniture of Chinese government and reprint sites (发布时间, 浏览次数, 上一篇, 验证码,
ICP备案), never the lines of a particular document.

Rules that need a line's neighbours (runs of navigation lines at a document edge, a section label
beside the page metadata, related-link blocks, repeated titles) live in :mod:`policytext.clean`;
their names are in :data:`CONTEXT_RULES`.

>>> classify_line("您的位置: 首页 > 科技政策参考")
('breadcrumb', 'breadcrumb_label')
>>> classify_line("发布时间:2024年02月27日")
('page_meta', 'page_meta_fields')
>>> classify_line("到2025年，科技企业总量超过4500家。") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ----------------------------------------------------------------------------- vocabularies

# Labels of page metadata that a body sentence does not start with: a line made only of these
# fields ("发布时间：… 来源：… 浏览次数：…") is page furniture.
STRONG_META_LABELS = (
    "发布时间", "发布日期", "发文日期", "成文日期", "印发日期", "公布日期", "施行日期", "实施日期",
    "生效日期", "更新时间", "更新日期", "生成日期", "创建时间", "上传时间", "录入时间", "写作时间",
    "信息来源", "文章来源", "稿件来源", "来源单位",
    "浏览次数", "阅读次数", "点击次数", "访问次数", "点击数", "浏览量", "阅读量", "访问量",
    "字号",
    "发布部门", "发布机构", "发布单位", "发文机关", "发文单位", "发文机构", "制发机关", "发布人",
    "索引号", "主题分类", "体裁分类", "组配分类", "服务对象分类", "主题词",
    "政策文号", "发文字号", "文号", "有效性", "时效性", "效力级别", "效力等级", "是否有效",
    "公开方式", "公开范围", "公开时限", "公开形式", "信息类别", "所属机构", "所属主题", "政策类别",
    "法规类别", "责任编辑", "文章编号", "信息索引", "原文链接", "原文地址", "官方链接",
)
# Labels that also head ordinary lines ("名称：…", "状态：…"): page metadata only beside other
# page metadata, in a front-matter block.
WEAK_META_LABELS = ("标题", "名称", "时间", "日期", "状态", "层级", "类型", "分类", "类别", "级别",
                    "链接", "网址", "发布", "阅读", "地区", "区域", "行业", "部门", "机构", "文种",
                    "来源", "出处", "作者", "编辑", "审核", "审校", "校对", "供稿", "撰稿", "摄影", "编审",
                    "关键词", "浏览", "点击", "字体")

# Labels of the metadata header of legal-database exports (北大法宝, 威科先行, …): 【label】value.
DB_FIELD_LABELS = (
    "法宝引证码", "发布部门", "发文字号", "发布日期", "实施日期", "时效性", "效力级别", "法规类别",
    "批准日期", "失效日期", "专题分类", "公布日期", "施行日期", "审议通过日期", "来源", "原文链接",
    "标题", "类别", "备注", "唯一标志", "题注", "效力", "所属类别",
    # the national laws database (国家法律法规数据库, flk.npc.gov.cn) and its local copies
    "颁布单位", "颁布日期", "制定机关", "公布机关", "法律性质", "文件类型", "修订日期", "修正日期",
)
# Page tools: buttons and widgets around the text.
TOOL_WORDS = (
    "打印本页", "打印此页", "打印文章", "打印", "关闭窗口", "关闭本页", "关闭", "收藏本页", "加入收藏",
    "收藏", "返回顶部", "回到顶部", "返回首页", "返回列表", "返回", "我要纠错", "纠错", "分享",
    "保存", "下载", "下载文件", "下载全文", "繁体", "简体", "无障碍", "手机版", "English",
    "设为首页", "无障碍阅读", "无障碍浏览", "长者模式", "关怀版", "读屏专用", "智能问答",
    # a language switch and the accessibility and account widgets of a page's top bar
    "繁體", "简体版", "繁体版", "繁體版", "简体中文", "繁體中文", "繁体中文", "中文版", "英文版", "EN",
    "适老化", "关怀模式", "老年模式", "登录", "注册", "个人中心", "用户中心", "退出",
    # the share buttons: the platforms named alone on their line
    "微信", "微博", "新浪微博", "腾讯微博", "QQ空间", "QQ好友", "朋友圈", "人人网", "豆瓣",
)
COMMENT_WORDS = (
    "验证码", "全部评论", "发表评论", "我要评论", "网友评论", "评论", "提交评论", "查看评论", "匿名发表",
    "请输入验证码", "看不清楚", "换一张", "看不清，换一张", "提交", "登录", "注册", "用户名", "密码",
    "点赞", "评论列表", "最新评论", "热门评论", "留言", "我要留言", "发表留言",
)
# Words of a site's own navigation: they support the form of a one-line menu.
NAV_WORDS = (
    "首页", "网站首页", "网站地图", "联系我们", "关于我们", "设为首页", "加入收藏", "无障碍", "English",
    "繁体", "简体", "手机版", "登录", "注册", "政务公开", "信息公开", "办事服务", "互动交流", "新闻中心",
    "政策文件", "政策解读", "通知公告", "走进", "网站导航", "帮助", "意见反馈", "版权声明", "隐私声明",
    # the columns every government portal's menu shares (政府网站发展指引, 2017: 信息公开, 政务服务, 互动交流)
    "政务服务", "政民互动", "新闻动态", "新闻发布", "公众参与", "数据开放", "机构设置", "机构概况",
    "专题专栏", "政府信息公开", "网上办事", "繁體", "简体版", "繁體版",
)
RELATED_HEADERS = (
    "相关链接", "相关文章", "相关阅读", "相关新闻", "相关文件", "相关政策", "相关稿件", "相关解读",
    "推荐阅读", "热点推荐", "热门推荐", "延伸阅读", "扩展阅读", "猜你喜欢", "热门文章", "最新文章",
    "精彩推荐", "相关推荐", "相关资讯", "阅读更多", "更多阅读", "相关专题", "友情链接",
    "点击排行", "热点新闻", "热门新闻", "图片新闻", "最新动态", "专题专栏", "热点专题",
)


def _alternation(words: tuple[str, ...]) -> str:
    """Escaped alternation, longest first, so that 发布时间 wins over 发布."""
    return "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True))


def _spaced(words: tuple[str, ...]) -> str:
    """Alternation that lets a label be spaced out, as in ``索 引 号``."""
    return "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(set(words), key=len, reverse=True))


STRONG_LABEL = _spaced(STRONG_META_LABELS)
WEAK_LABEL = _spaced(WEAK_META_LABELS)

# ----------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class LineRule:
    """One named line pattern: the kind of line it removes and examples that must hold."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    max_len: int = 200

    def matches(self, line: str) -> bool:
        return len(line) <= self.max_len and self.pattern.fullmatch(line) is not None


BREADCRUMB_LABEL_RE = re.compile(
    r"""
    (?:您|当前)?(?:现在)?(?:所在)?(?:的)?位置                          # "you are here", in its variants
    \s*[:：]                                                          # its colon
    .{0,80}                                                           # the path itself
    """,
    re.VERBOSE,
)
BREADCRUMB_PATH_RE = re.compile(
    r"""
    (?:(?:网站)?首页|主页|Home)                   # a path from the home page …
    (?:\s*(?:>|＞|»|›|→|&gt;|/|\\|>>)\s*          # … with separators …
       [^。，；！？>＞»›→]{1,20}){1,6}            # … and short steps, no sentence
    \s*(?:>|＞|»|›)?\s*
    | [^。，；！？>＞»›→\s]{1,12}                 # or any first step …
      (?:\s*(?:>|＞|»|›|→|&gt;)\s*[^。，；！？>＞»›→]{1,20}){2,6}   # … and two or more further steps
    """,
    re.VERBOSE,
)
DATE_VALUE = r"(?:\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)"
PAGE_META_FIELDS_RE = re.compile(
    rf"""
    [【\[(（]?\s*                                  # an optional bracket
    (?:{STRONG_LABEL})\s*[:：]                     # a page-metadata label and its colon
    [^。！？]{{0,60}}?                              # a short value, no sentence end
    (?:[】\])）]?\s*                               # then more fields of the same kind
       (?:{STRONG_LABEL}|{WEAK_LABEL})\s*[:：][^。！？]{{0,60}}?)*
    [】\])）]?\s*                                  # an optional closing bracket
    """,
    re.VERBOSE,
)
BYLINE_LABEL = _spaced(("来源", "出处", "作者", "编辑", "审核", "校对", "供稿", "撰稿", "摄影", "浏览",
                        "点击",
                        "阅读", "时间", "日期", "字体"))
BYLINE_RE = re.compile(
    rf"""
    (?:{DATE_VALUE}\s+)?                              # maybe a bare date first
    (?:[【\[]?\s*(?:{BYLINE_LABEL})\s*[:：]          # then two or more byline fields …
       [^。！？:：]{{0,40}}?[】\]]?\s*){{2,6}}          # … with short values
    | {DATE_VALUE}\s+(?:{BYLINE_LABEL})\s*[:：][^。！？]{{0,40}}   # or a date and one field
    """,
    re.VERBOSE,
)
META_ROW_RE = re.compile(
    rf"""
    (?:[【\[]?\s*(?:{STRONG_LABEL})\s*[】\]]?\s*[:：]?\s+    # a label without its colon …
       [^\s。！？，]{{1,40}}\s*){{2,4}}                        # … a one-word value, two or more times
    """,
    re.VERBOSE,
)
FUSED_DATE_META_RE = re.compile(
    rf"""
    .{{2,120}}?                                    # a page title run into …
    (?:发布时间|发布日期|更新时间|日期|时间)\s*[:：]\s*   # … a publication-date label
    {DATE_VALUE}                                   # … and a date that ends the line
    (?:\s+(?:{STRONG_LABEL})\s*[:：][^。！？]{{0,40}})*   # possibly more fields
    """,
    re.VERBOSE,
)
META_TAB_ROW_RE = re.compile(
    rf"""
    [【\[]?\s*(?:{STRONG_LABEL})\s*[】\]]?      # a page-metadata label without its colon …
    (?:(?:\t|\s{{2,}}|\u3000)\s*                # … a tab or a wide gap, as a flattened table leaves …
       [^\s。！？；][^。！？；]{{0,80}}            # … and one value, no sentence end
     | \s(?=[^\s。！？；，]*\d)[^\s。！？；，]{{4,40}}   # … or one space and a code or a date
     | \s[^\s。！？；，]{{2,30}}(?:政府|委员会|办公室|办公厅|局|厅|委|院|办)   # … or an office,
       (?:[、，][^\s。！？；，]{{2,30}})*)                                   # … or several
    """,
    re.VERBOSE,
)
#: A page-metadata label alone on its line, no colon: a flattened table with values below keys.
BARE_LABEL_RE = re.compile(rf"[【\[]?\s*(?:{STRONG_LABEL})\s*[】\]]?")
BARE_WEAK_LABEL_RE = re.compile(rf"[【\[]?\s*(?:{WEAK_LABEL})\s*[】\]]?")
FONT_SIZE_RE = re.compile(
    r"""
    .{0,40}?                                        # maybe other tools before it
    (?:(?:字号|字体|文字|字体大小)\s*[:：]?\s*      # the font-size tool, labelled …
       [【\[(（]?\s*大\s*[】\])）]?\s*[|｜/]?\s*    # … 大
       [【\[(（]?\s*中\s*[】\])）]?\s*[|｜/]?\s*    # … 中
       [【\[(（]?\s*小\s*[】\])）]?                 # … 小
     | [【\[]大[】\]]\s*[【\[]中[】\]]\s*[【\[]小[】\]])  # … or bare, each size in brackets
    .{0,60}                                         # maybe other tools after it
    """,
    re.VERBOSE,
)
DB_EXPORT_RE = re.compile(
    rf"""
    【\s*(?:{_alternation(DB_FIELD_LABELS + STRONG_META_LABELS)})\s*】   # 【法宝引证码】, 【发布部门】 …
    .{{0,120}}                                      # the field's value
    | CLI\.\d+\.\d+                                 # a bare 法宝 citation code
    | .{{0,40}}(?:北大法宝|法宝联想|pkulaw\.c(?:n|om)|威科先行|wkinfo).{{0,60}}   # the database's own notes
    """,
    re.VERBOSE,
)
URL_RE = re.compile(
    r"""
    (?:(?:原文|本文|文章|网页|页面|信息)?(?:链接|地址|网址|出处|来源)\s*[:：]\s*)?  # a label
    [<(（\[]?
    (?:https?://|www\.)[!-~]+                      # the URL: printable ASCII only
    [>)）\]]?
    """,
    re.VERBOSE | re.IGNORECASE,
)
DISCLAIMER_RE = re.compile(
    r"""
    (?:来源[:：]\S{0,12}\s*)?(?:免责声明|版权声明|友情提示)      # a notice that opens the line
    .{0,200}
    | 温馨提示.{0,60}(?:本站|本网|网站|页面|浏览器).{0,100}        # a site's own tip
    | .{0,80}?                                                  # or a notice inside the line:
    (?:转载[^。]{0,8}(?:注明|保留)                               # reprint conditions
      |(?:如有|如涉及|如产生)[^。]{0,8}(?:侵权|版权问题)[^。]{0,20}(?:联系|删除|告知)   # takedown
      |(?:请|敬请)?联系(?:我们|本站|本网)[^。]{0,6}删除
      |互联网用户整理|网友(?:整理|上传|投稿)|来源[:：]?\s*网络整理
      |不代表本(?:站|网|平台)(?:观点|立场)|本站(?:不承担|仅提供)
      |文明上网|理性发言|遵守.{0,10}互联网.{0,10}(?:法规|规定)
      |版权(?:归|属于)原作者)
    .{0,160}
    """,
    re.VERBOSE,
)
COMMENT_RE = re.compile(
    rf"""
    (?:[【\[(（]?\s*(?:{_alternation(COMMENT_WORDS)})\s*[】\])）]?   # comment-form words …
       (?:\s*[:：]?\s*\(?\d{{0,6}}\)?)\s*[|｜/]?\s*)+              # … with counts, separators
    | 分享(?:到|至|[:：])\s*[:：]?.{{0,40}}                        # 分享到：微信 微博
    | (?:微信)?扫一扫.{{0,20}} | 扫描二维码.{{0,20}} | 扫码.{{0,6}}(?:分享|阅读|关注).{{0,10}}   # QR codes
    | (?:已有|共有?)\s*\d+\s*(?:人|条)(?:参与|评论|浏览|阅读).{{0,20}}
    """,
    re.VERBOSE,
)
TOOLS_RE = re.compile(
    rf"""
    (?:[【\[(（]?\s*(?:{_alternation(TOOL_WORDS)})\s*[】\])）]?\s*[|｜/·]?\s*)+   # 【打印】【关闭】
    """,
    re.VERBOSE,
)
PREV_NEXT_RE = re.compile(
    r"""
    [-•·*\s]*                                         # a list bullet
    (?:上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇|上篇|下篇)   # previous / next
    (?:\s*[:：]|\s|$).{0,80}                          # a colon or a space, then the linked title
    """,
    re.VERBOSE,
)
RELATED_HEADER_RE = re.compile(
    rf"""
    [【\[]?\s*(?:{_alternation(RELATED_HEADERS)})\s*[】\]]?   # 相关链接, 推荐阅读 …
    \s*[:：>＞»]?\s*[^。！？]{{0,60}}                          # maybe a first link, not a sentence
    """,
    re.VERBOSE,
)
SITE_FOOTER_RE = re.compile(
    r"""
    .{0,80}?
    (?:(?:ICP\s*[备证]|网站标识码|公网安备|网安备)[^。]{0,12}\d            # registration numbers
      |版权所有\s*(?:[:：©]|$)|Copyright|©|\(c\)\s*\d{4}|All\s+Rights\s+Reserved
      |建议使用.{0,20}浏览器|最佳浏览|(?:最佳|屏幕)分辨率|分辨率.{0,8}浏览)
    .{0,120}
    | (?:(?:主办|承办|协办|技术支持|运行维护|网站维护)(?:单位)?\s*[:：]\S{1,40}\s*){2,4}   # site sponsors
    """,
    re.VERBOSE | re.IGNORECASE,
)
SITE_WIDGET_RE = re.compile(
    r"""
    欢迎(?:访问|光临|来到|您访问).{0,30}(?:网站|网|平台|门户)[！!。.]?    # the site's greeting
    | 今天是[:：]?\s*.{0,24}星期[一二三四五六日天]\s*.{0,20}           # today's date widget
    | 您是(?:本站|本网站)?(?:的)?第\s*\d+\s*位(?:访客|访问者|浏览者|来访者)[。！!]?   # a visitor counter
    | (?:[【\[]?\s*(?:站内搜索|高级搜索|全文检索|搜索|检索           # a search box
                    |请输入(?:搜索)?关键[字词]|关键[字词])
         \s*[】\]]?\s*[:：]?\s*){1,4}
    """,
    re.VERBOSE,
)
SEPARATOR_RE = re.compile(r"[-=_*~·.。…—―#+|｜/\\\s]{3,}")  # a rule line: ----- or ====== or * * *
NAV_MENU_RE = re.compile(
    r"""
    (?:[\w\u4e00-\u9fff·]{2,10}\s*(?:[|｜│/·•]|\s{1,4})\s*){2,}   # three or more short items …
    [\w\u4e00-\u9fff·]{2,10}                                  # … on one line
    """,
    re.VERBOSE,
)

RULES: tuple[LineRule, ...] = (
    LineRule("breadcrumb_label", "breadcrumb", BREADCRUMB_LABEL_RE,
             ("您的位置: 首页 > 科技政策参考", "当前位置：首页 > 政务公开 > 政策文件",
              "您现在的位置：首页>>通知公告", "您所在的位置：首页 > 信息公开"),
             ("我们的位置决定了发展方向。", "区位优势：地处长三角核心位置")),
    LineRule("breadcrumb_path", "breadcrumb", BREADCRUMB_PATH_RE,
             ("首页 > 政务公开 > 政策文件", "首页>信息公开>规划计划", "政府信息公开 » 政策文件 » 区政府文件"),
             ("首页经济蓬勃发展。", "增长率>5%，规模>100亿元。")),
    LineRule("db_export_header", "page_meta", DB_EXPORT_RE,
             ("【法宝引证码】 CLI.12.5115678", "【发布部门】 安徽省人民政府办公厅", "【时效性】 现行有效",
              "【颁布单位】 某省人民代表大会常务委员会",
              "© 北大法宝：(www.pkulaw.com)专业提供法律信息、法律咨询、法律培训服务"),
             ("【典型案例】某市推进数字政府建设。", "法宝是什么")),
    LineRule("page_meta_fields", "page_meta", PAGE_META_FIELDS_RE,
             ("发布时间: 2023-06-20", "发布部门:区审计局", "政策文号:静府议〔2024〕3号",
              "有效性:政策是否有效未知,请慎用", "发布时间：2020-01-08  来源：区政府办  浏览次数：1234",
              "索 引 号：000014349/2019-00007", "【发布日期：2021-05-06】", "责任编辑：王五",
              "发布时间：2021-01-05 来源：区科委"),
             ("来源于基层的创新实践，值得推广。", "资金来源以财政拨款为主，社会资本为辅。",
              "有效性评估：建立政策评估机制，定期开展评估。各部门要认真落实。", "来源：山东省大数据局")),
    LineRule("page_meta_fused_date", "page_meta", FUSED_DATE_META_RE,
             ("关于印发《杨浦区提升科技创新能级“十四五”规划》的通知发布时间: 2023-06-20",
              "区政府召开常务会议 发布日期：2021年7月27日"),
             ("会议时间：2021年7月27日下午在区政府召开，请准时参加。", "2021年7月27日")),
    LineRule("page_meta_byline", "page_meta", BYLINE_RE,
             ("时间：2021-03-15 来源：区政府办 作者：张三", "2021-03-15 来源：区政府办公室",
              "来源：新华社 编辑：李四"),
             ("时间：7月27日上午9时，地点：区政府第一会议室。", "来源：山东省大数据局")),
    LineRule("page_meta_row", "page_meta", META_ROW_RE,
             ("索引号\t000014349/2019-00007\t主题分类\t市场监管",
              "发文字号 国发〔2019〕5号 发布日期 2019年02月15日"),
             ("来源 国家统计局 数据 截至2020年底", "文号 管理 办法 规定")),
    LineRule("page_meta_tab_row", "page_meta", META_TAB_ROW_RE,
             ("索引号\t11330100002489016N/2020-05612", "发文机关\t杭州市人民政府办公厅",
              "主题分类\t科技、教育", "成文日期    2020-06-12", "索引号 000014349/2020-00045",
              "发文机关 某市人民政府", "成文日期 2020-06-12"),
             ("发布日期 要准确。", "发文机关 要负责。", "文号 管理 办法 规定", "发文机关 责任 落实",
              "文号 2020年以来 各地的做法",
              "主题词\t要突出，表述要准确。")),
    LineRule("font_size_tool", "page_meta", FONT_SIZE_RE,
             ("字号 大 中 小", "【字体：大 中 小】", "字号：【大】【中】【小】 【打印】 【关闭】",
              "【大】【中】【小】"),
             ("大中小企业融通发展。", "推动大中小学思政课一体化建设")),
    LineRule("bare_url", "url", URL_RE,
             ("http://m.bsmz.net/gongwen/679314.html", "原文链接：https://www.pkulaw.com/lar/abc.html",
              "www.gov.cn"),
             ("登录www.gov.cn查询办事指南。", "网址管理办法", "http://service.most.gov.cn；")),
    LineRule("disclaimer", "disclaimer", DISCLAIMER_RE,
             ("来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。",
              "友情提示:本文中关于《工作汇报》给出的范例仅供您参考拓展思维使用",
              "由互联网用户整理提供,转载分享请保留原作者信息,谢谢!"),
             ("加强知识产权保护，严厉打击侵权行为。", "温州提示我们要重视民营经济。",
              "对涉及侵权假冒的企业，依法从严查处。", "温馨提示：请携带身份证原件办理。",
              "严禁转载、摘编涉密文件。")),
    LineRule("comment_widget", "comment_widget", COMMENT_RE,
             ("验证码", "全部评论", "发表评论 (0)", "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页",
              "扫描二维码分享到微信"),
             ("评论员文章指出，要坚持人民至上。", "验证码管理规定的实施", "分享通信集团有限公司")),
    LineRule("page_tools", "site_nav", TOOLS_RE,
             ("【打印本页】 【关闭窗口】", "打印本页", "收藏本页", "[返回顶部]",
              "设为首页 | 加入收藏 | 无障碍阅读",
              "【我要纠错】 【打印】 【关闭】", "无障碍浏览 | 长者模式 | 繁體 | 登录 | 注册",
              "简体 | 繁體 | EN", "微信 微博 QQ空间"),
             ("打印机产业", "关闭落后产能企业12家。", "注册资本1000万元以上的企业", "简体字和繁体字",
              "微信公众号", "通过微博发布")),
    LineRule("prev_next", "site_nav", PREV_NEXT_RE,
             ("- 上一篇:教师自修总结", "- 下一篇:201*争先创优工作总结第一支部",
              "下一条：关于开展安全检查的通知"),
             ("上一篇文章中我们谈到", "下一步，要加强统筹协调。")),
    LineRule("related_header", "related_links", RELATED_HEADER_RE,
             ("相关链接", "相关文章：", "【相关阅读】", "相关链接：http://www.gov.cn/zhengce/content_5365963.htm"),
             ("相关部门要加强协作，形成工作合力。", "相关链接单位名单如下：请各区认真核对，于5月底前报送。")),
    LineRule("site_footer", "other", SITE_FOOTER_RE,
             ("沪ICP备05006111号", "网站标识码：3101100003",
              "版权所有：上海市普陀区人民政府 建议使用1024×768分辨率",
              "主办单位：上海市静安区人民政府办公室　承办单位：上海市静安区大数据中心"),
             ("依法保护著作权人的合法权益。", "主办方要做好安全保障工作，制定应急预案。", "ICP备案号",
              "主办单位：上海市科学技术委员会", "版权所有人享有署名权。",
              "空间水平分辨率0.25°×0.25°；时间分辨率6小时；预报时效360小时。")),
    LineRule("site_widget", "site_nav", SITE_WIDGET_RE,
             ("欢迎访问上海市静安区人民政府网站！", "今天是：2021年3月15日 星期一", "请输入关键字 搜索",
              "站内搜索 高级搜索", "您是第 12345 位访客"),
             ("欢迎社会各界积极参与网站建设。", "今天是全国科技活动周的第一天。", "搜索引擎产业快速发展")),
    LineRule("separator_line", "other", SEPARATOR_RE,
             ("----------", "==========", "* * *"),
             ("----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上",
              "——坚持区校联动，强化创新策源。")),
    LineRule("nav_menu_line", "site_nav", NAV_MENU_RE,
             ("首页 | 政务公开 | 办事服务 | 互动交流", "网站首页 机构概况 政务公开 办事服务 网站地图",
              "网站地图 | 联系我们 | 使用帮助"),
             ("政 府 工 作 报 告", "张 三 李 四", "组长：张三 副组长：李四 王五 赵六", "张三 | 李四 | 王五")),
)
# First match wins: specific forms (a font-size tool, a related-links header with its URL) before
# the general label-and-colon form of page metadata.
_PRECEDENCE = (
    "breadcrumb_label", "breadcrumb_path", "bare_url", "db_export_header", "font_size_tool",
    "related_header", "page_meta_fields", "page_meta_fused_date", "page_meta_byline", "page_meta_row",
    "page_meta_tab_row",
    "disclaimer",
    "comment_widget", "page_tools", "site_widget",
    "prev_next", "site_footer", "separator_line", "nav_menu_line",
)
RULES = tuple(sorted(RULES, key=lambda rule: _PRECEDENCE.index(rule.name)))
RULES_BY_NAME = {rule.name: rule for rule in RULES}

#: Rules that look at a line's neighbours; they are implemented in :mod:`policytext.clean`.
CONTEXT_RULES = (
    "front_matter_block",   # a --- … --- block of label: value lines at the top of the file
    "meta_block",           # weak label: value lines beside page metadata
    "meta_key_value",       # labels alone on their lines (索引号 / 000014349/2020-00045), two or more
    "section_label",        # a short column name (政策, 通知公告) beside the page metadata
    "further_reading",      # 扩展阅读: a header before an appended document, or a related-links block
    "related_block",        # the links listed after a related-links header
    "nav_run",              # a run of short lines without punctuation at a document edge
    "head_nav_run",         # a shorter run of menu items (首页, 政务公开 …) above the document's title
    "site_name",            # the site's name (合肥市人民政府) beside the chrome above the title
    "latin_site_name",      # the site's name in English above the title
    "duplicated_title",     # a title line repeated right after itself or after its part header
    "footer_title",         # 《title》 alone on a line at the foot, repeating the document's title
    "edge_disclaimer",      # reprint and copyright notes in the first or last lines
    "edge_footer",          # a sponsor (主办单位：…) or postal footer among the last lines, beside furniture
)
RULE_NAMES = tuple(rule.name for rule in RULES) + CONTEXT_RULES

NAV_WORD_RE = re.compile(_alternation(NAV_WORDS))


def classify_line(line: str, enabled: frozenset[str] | None = None) -> tuple[str, str] | None:
    """``(kind, rule)`` of the first line rule that matches the stripped ``line``, else None.

    >>> classify_line("下一篇：关于开展安全检查的通知")
    ('site_nav', 'prev_next')
    >>> classify_line("相关部门要加强协作。") is None
    True
    """
    line = line.strip()
    if not line:
        return None
    found = _first_rule(line, enabled)
    if found is None and ("【" in line or "[" in line):  # tools glued on: "【我要纠错】 责任编辑：王五"
        rest = TOOL_EDGES_RE.sub("", line).strip()
        if rest and rest != line:
            found = _first_rule(rest, enabled)
    return found


TOOL_EDGES_RE = re.compile(
    rf"""
    ^(?:[【\[]\s*(?:{_alternation(TOOL_WORDS)})\s*[】\]]\s*)+     # bracketed tools before …
    | (?:\s*[【\[]\s*(?:{_alternation(TOOL_WORDS)})\s*[】\]])+$   # … or after the rest
    """,
    re.VERBOSE,
)


def _first_rule(line: str, enabled: frozenset[str] | None) -> tuple[str, str] | None:
    for rule in RULES:
        if enabled is not None and rule.name not in enabled:
            continue
        if rule.matches(line):
            if rule.name == "nav_menu_line" and not _is_menu(line):
                continue
            return rule.kind, rule.name
    return None


def _is_menu(line: str) -> bool:
    """A one-line menu: bars between four or more items, or generic navigation words among them."""
    items = [x for x in re.split(r"[\s|｜│/·•]+", line) if x]
    return (len(items) >= 4 and bool(re.search(r"[|｜│]", line))) or len(NAV_WORD_RE.findall(line)) >= 2


# ----------------------------------------------------------------------------- helpers for context rules

WEAK_FIELD_RE = re.compile(
    rf"""
    [【\[]?\s*(?:{STRONG_LABEL}|{WEAK_LABEL}|[\u4e00-\u9fff]{{2,6}})   # any short label …
    \s*[:：]\s*[^。！？]{{0,120}}                                       # … and a value without a sentence end
    """,
    re.VERBOSE,
)
FURTHER_READING_RE = re.compile(
    r"""
    (?:(?:扩展阅读|延伸阅读|相关阅读|拓展阅读|附文|推荐阅读|相关范文|精选范文|推荐范文)\s*[:：]   # a header
      |[【\[](?:扩展阅读|延伸阅读|相关阅读|拓展阅读|附文|推荐阅读|相关范文|精选范文|推荐范文)[】\]]\s*[:：]?)
    \s*                                                 # … its colon …
    (?P<title>\S.{3,80})                                # … and the appended text's title
    """,
    re.VERBOSE,
)
PART_HEADER_RE = re.compile(
    r"""
    (?:(?:第[一二三四五六七八九十百\d]+篇     # 第二篇
        |篇[一二三四五六七八九十\d]+          # 篇二
        |范文[一二三四五六七八九十\d]+)\s*[:：]  # 范文二, and a colon
      |[【\[](?:第[一二三四五六七八九十百\d]+篇|篇[一二三四五六七八九十\d]+|范文[一二三四五六七八九十\d]+)[】\]]
       \s*[:：]?)                                # or 【篇二】 without one
    \s*
    (?P<title>\S.{1,80})                                 # the title of the next document
    """,
    re.VERBOSE,
)
