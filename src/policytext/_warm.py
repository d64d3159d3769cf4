"""Preloaded by the batch forkserver: import the pipeline and run it once on a short text.

A local batch with ``jobs > 1`` forks its workers from a :mod:`multiprocessing` forkserver that
imports this module first (see ``policytext.batch._mp_context``). Importing the extraction
pipeline compiles hundreds of patterns and the first extraction loads the lexicons; done here
once, every worker forked afterwards inherits them instead of paying about a second each at its
start. This module is never imported by the library itself, and it never raises: the forkserver
tolerates only ImportError in a preloaded module, and a worker that finds a cold cache still works.
"""

from __future__ import annotations

_SAMPLE = (
    "某某省人民政府关于印发《某某省“十四五”科技创新规划》的通知\n"
    "某政发〔2021〕12号\n"
    "各市人民政府：\n"
    "一、主要目标\n"
    "到2025年，全省研发经费投入年均增长10%以上，高新技术企业超过500家，"
    "实施乡村振兴战略，新增城镇就业50万人。\n"
    "某某省人民政府\n"
    "2021年3月5日\n"
)


def _warm() -> None:
    try:
        from policytext.pipeline import extract_text

        extract_text(_SAMPLE, source="warm.txt")
    except Exception:  # a cold worker is slower, never wrong
        pass


_warm()
