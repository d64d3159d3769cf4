"""Reading files: encodings, refusals that name the file, saved HTML pages, Markdown, folders."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.errors import ReadError
from policytext.io import decode_bytes, html_to_text, iter_documents, markdown_to_text, read_document

TEXT = "关于印发《杨浦区提升科技创新能级“十四五”规划》的通知\n到2025年，科技企业总量超过4500家。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ encodings

@pytest.mark.parametrize(
    ("label", "data", "encoding"),
    [
        ("utf-8", TEXT.encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        ("gbk", TEXT.encode("gbk"), "gb18030"),
        ("gb18030", (TEXT + "𠮷").encode("gb18030"), "gb18030"),
    ],
)
def test_decodes_each_encoding_and_records_it(tmp_path, label, data, encoding):
    doc = read_document(write(tmp_path, "doc.txt", data))
    assert doc.encoding == encoding, label
    assert doc.text.startswith(TEXT), label


def test_bomless_utf16_is_recognised_by_its_nul_column(tmp_path):
    ascii_heavy = "Policy 2021: 科技 plan\nLine two of the plan 2022\n" * 5
    doc = read_document(write(tmp_path, "doc.txt", ascii_heavy.encode("utf-16-le")))
    assert doc.encoding == "utf-16-le"
    assert doc.text == ascii_heavy


def test_big5_falls_through_to_charset_normalizer(tmp_path):
    traditional = "關於印發臺灣地區科技發展規劃的通知。本規劃旨在促進產業升級與創新發展。\n" * 4
    doc = read_document(write(tmp_path, "doc.txt", traditional.encode("big5")))
    assert doc.encoding not in ("utf-8", "gb18030")
    assert "科技發展規劃" in doc.text


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_crlf_and_cr_become_lf(tmp_path, newline):
    data = TEXT.encode("utf-8").replace(b"\n", newline)
    doc = read_document(write(tmp_path, "doc.txt", data))
    assert "\r" not in doc.text
    assert doc.text == TEXT


# ------------------------------------------------------------------ refusals

@pytest.mark.parametrize(
    ("label", "data", "reason"),
    [
        ("empty", b"", "empty"),
        ("only whitespace", b" \r\n\t\n", "empty"),
        ("a byte-order mark and spaces", codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"), "empty"),
        ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        ("control bytes", b"abc\x01\x02\x03def\x04", "binary"),
        ("truncated utf-8", "科技创新".encode()[:-1], "truncated"),
    ],
)
def test_unreadable_content_raises_read_error_naming_the_file(tmp_path, label, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(path) in str(info.value), label
    assert reason in info.value.reason, label
    assert info.value.source == str(path)


def test_missing_file_and_directory_raise_read_error(tmp_path):
    with pytest.raises(ReadError, match="cannot read"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="directory"):
        read_document(tmp_path)


def test_a_batch_goes_on_after_a_bad_file(tmp_path):
    write(tmp_path, "a.txt", TEXT.encode("utf-8"))
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", TEXT.encode("gbk"))
    read, failed = [], []
    for path in iter_documents(tmp_path):
        try:
            read.append(read_document(path).encoding)
        except ReadError as exc:
            failed.append(exc.source)
    assert read == ["utf-8", "gb18030"]
    assert failed == [str(tmp_path / "b.txt")]


def test_decode_bytes_refuses_bytes_that_are_no_encoding():
    with pytest.raises(ReadError):
        decode_bytes(bytes(range(256)) * 4, "noise.txt")


# ------------------------------------------------------------------ HTML

PAGE = """
<div class="wrap"><table><tbody>
<tr><td><b>索 引 号：</b></td><td>000014349/2019-00007</td>
<td><b>主题分类：</b></td><td>市场监管\\工商</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月27日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">国务院关于推行联合监管的意见</td></tr>
<tr><td><b>发文字号：</b></td><td>国发〔2019〕5号</td><td><b>发布日期：</b></td><td>2019年02月15日</td></tr>
<tr><td><b>主 题 词：</b></td><td></td></tr>
</tbody></table>
<style>.x{color:red}</style><script>var hidden = "脚本里的字";</script>
<td id="UCAP-CONTENT"><p><span>国务院关于推行</span><br><span>联合监管的意见</span></p>
<p>国发〔2019〕5号</p><p>各省、自治区、直辖市人民政府：</p>
<p>推行联合监管，是党中央、国务院作出的重大决策部署。</p>
<p>国务院&nbsp;&nbsp;</p></td>
<div id="qr_container">扫一扫在手机打开当前页</div>
<a href="#" onclick="javascript:window.external.AddFavorite(document.URL);return false">
<img src="save.gif"></a>
<a href="#" onclick="javascript:window.print()"><img src="print.gif"></a>
<a href="#" onclick="window.close()"><img src="close.gif"></a>
<a href="/other.htm">正常链接文字</a>
<iframe src="http://www.gov.cn/zhengce/content_5365963.htm"></iframe>
<!-- 注释里的字 -->
</div>
"""


def test_html_metadata_table_goes_into_meta_with_exact_labels():
    text, meta = html_to_text(PAGE)
    assert meta == {
        "索引号": "000014349/2019-00007", "主题分类": "市场监管\\工商", "发文机关": "国务院",
        "成文日期": "2019年01月27日", "标题": "国务院关于推行联合监管的意见", "发文字号": "国发〔2019〕5号",
        "发布日期": "2019年02月15日",
    }
    assert "索引号" not in text.replace(" ", "") and "000014349" not in text


def test_html_keeps_blocks_as_lines_and_drops_script_style_and_comments():
    text, _ = html_to_text(PAGE)
    lines = text.split("\n")
    assert lines[:2] == ["国务院关于推行", "联合监管的意见"]  # <br> is a line break
    assert "推行联合监管，是党中央、国务院作出的重大决策部署。" in lines
    assert "脚本里的字" not in text and "color" not in text and "注释里的字" not in text


def test_html_page_tools_and_related_frame_become_lines():
    text, _ = html_to_text(PAGE)
    lines = text.split("\n")
    for chrome in ("收藏本页", "打印本页", "关闭窗口", "扫一扫在手机打开当前页",
                   "相关链接：http://www.gov.cn/zhengce/content_5365963.htm"):
        assert chrome in lines
    assert "正常链接文字" in text


def test_byline_with_other_labels_is_not_the_metadata_table():
    page = "<h1>标题</h1><div><span>发布日期：2021-03-15</span> <span>来源：区政府办公室</span></div>"
    text, meta = html_to_text(page)
    assert meta == {}
    assert text.split("\n") == ["标题", "发布日期：2021-03-15 来源：区政府办公室"]


def test_saved_gov_cn_page_reads_with_meta(shared_corpus):
    path = shared_corpus / "html" / "govcn_zhengce_5365945.html"
    doc = read_document(path)
    assert doc.meta["发文字号"] == "国发〔2019〕5号"
    assert doc.meta["发文机关"] == "国务院"
    labels = {"索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词"}
    assert set(doc.meta) <= labels
    assert "<" not in doc.text and "双随机、一公开" in doc.text


def test_html_suffix_is_case_insensitive(tmp_path):
    doc = read_document(write(tmp_path, "page.HTM", "<p>正文一。</p><p>正文二。</p>".encode()))
    assert doc.text == "正文一。\n正文二。"


def test_html_without_text_is_refused(tmp_path):
    with pytest.raises(ReadError, match="no text"):
        read_document(write(tmp_path, "page.html", b"<div><script>x()</script></div>"))


# ------------------------------------------------------------------ Markdown

def test_markdown_markup_is_removed_and_front_matter_kept(tmp_path):
    md = "---\n标题: 水务规划\n---\n\n# 普陀区水务规划\n\n> 以[官方链接](https://x.org/a?b=1)为准\n\n**一、**发展现状\n"
    doc = read_document(write(tmp_path, "plan.md", md.encode("utf-8")))
    assert doc.text.split("\n")[:3] == ["---", "标题: 水务规划", "---"]
    assert "普陀区水务规划" in doc.text.split("\n")
    assert "以官方链接为准" in doc.text
    assert "一、发展现状" in doc.text


def test_markdown_leaves_masks_that_are_not_emphasis():
    assert markdown_to_text("依托***创意园和**区") == "依托***创意园和**区"


# ------------------------------------------------------------------ folders

def test_iter_documents_yields_sorted_paths_of_known_suffixes(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.htm", "e.pdf", ".git/f.txt", "sub/.g.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("文本", encoding="utf-8")
    found = list(iter_documents(tmp_path))
    assert all(isinstance(p, Path) for p in found)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "b.txt", "sub/c.html", "sub/d.htm"]
    assert [p.name for p in iter_documents(tmp_path, pattern="*.txt")] == ["b.txt"]


def test_iter_documents_refuses_a_file(tmp_path):
    path = write(tmp_path, "a.txt", b"x")
    with pytest.raises(ReadError, match="not a folder"):
        list(iter_documents(path))


def test_read_document_refuses_non_paths():
    with pytest.raises(TypeError, match="path"):
        read_document(b"/tmp/x.txt")  # type: ignore[arg-type]


# ------------------------------------------------------------------ properties

@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_returns_text_or_raises_read_error(data):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except ReadError as exc:
        assert exc.source == "x.txt"
    else:
        assert isinstance(text, str) and text.strip() and encoding


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_html_to_text_never_raises(markup):
    text, meta = html_to_text(markup)
    assert isinstance(text, str) and isinstance(meta, dict)
