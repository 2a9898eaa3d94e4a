"""The 审查意见 memo as a Word document (``--format memo -o x.docx``), from the same view as the
HTML memo (memo_view.py); several reports: a summary table, then one memo per report."""
from __future__ import annotations

from .docx_package import Para, build
from .memo_view import summary_rows


def memo_docx(memos: list[dict]) -> bytes:
    paras: list[Para] = []
    if len(memos) > 1:
        paras.append(Para("法治政府建设年度报告审查意见汇总", style="Title"))
        paras.append(Para(f"共 {len(memos)} 份报告，审查日期 {memos[0]['checked']}。"))
        paras.append(Para(cells=("序号", "报送单位", "报告标题", "年度", "得分", "审查意见", "缺少的部分"), header=True))
        for i, row in enumerate(summary_rows(memos), 1):
            paras.append(Para(cells=(str(i), row["issuer"], row["title"], row["year"], str(row["score"]),
                                     "未能读取" if row["unreadable"] else f"{row['opinions']} 条", row["missing"])))
    for memo in memos:
        paras.extend(memo_paragraphs(memo))
    return build(paras)


def memo_paragraphs(memo: dict) -> list[Para]:
    out = [Para(f"关于《{memo['title']}》的审查意见", style="Title"),
           Para(cells=("报送单位", memo["issuer"], "报告年度", memo["year"])),
           Para(cells=("报告标题", memo["title"], "审查日期", memo["checked"]))]
    if memo["unreadable"]:
        out.append(Para("未能读取报告原文，未作审查。"))
    else:
        out.append(Para("一、五项报告内容", style="Heading1"))
        out.append(Para(cells=tuple(item["short"] for item in memo["checklist"]), header=True))
        out.append(Para(cells=tuple(item["status_label"] + (f"（第{item['line']}行）" if item["line"] else "")
                                    for item in memo["checklist"])))
        heading = "二、审查意见" + (f"（共 {memo['opinions']} 条）" if memo["opinions"] else "")
        out.append(Para(heading, style="Heading1"))
        if not memo["groups"]:
            out.append(Para("未发现需要修改的问题。"))
        for group in memo["groups"]:
            out.append(Para(group["part"], style="Heading2"))
            for op in group["opinions"]:
                out.append(Para(f"{op['n']}. 问题：{op['problem']}〔{op['severity_label']}〕"))
                where = f"　　位置：{op['where']}"
                if op["excerpts"]:
                    where += "　原文：" + "；".join(f"“{e}”" for e in op["excerpts"]) + (" 等" if op["more"] else "")
                out.append(Para(where, style="Small"))
                if op["fix"]:
                    out.append(Para(f"　　修改建议：{op['fix']}", style="Small"))
    out.append(Para("审核人：____________　　日期：____________", align="right"))
    return out
