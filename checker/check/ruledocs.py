"""Rule documentation generated from the rule set, so the docs cannot drift from the rules.

``python scripts/gen_rule_docs.py`` writes ``docs/rules.md``; a test fails when it is stale.
"""
from __future__ import annotations

from .ruleset import Rule, RuleSet

SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}


def render_markdown(ruleset: RuleSet) -> str:
    """The whole rules page: the five items, scoring, then one section per rule."""
    out = [f"# 规则说明：{ruleset.title or ruleset.name}", "",
           "本文件由 `python scripts/gen_rule_docs.py` 根据 `rules/national.yaml` 生成，请勿手工修改。",
           "This file is generated from the rule set; do not edit by hand.", ""]
    out += _sections(ruleset) + _scoring(ruleset) + _index(ruleset)
    for rule in ruleset.rules:
        out += _rule(rule)
    return "\n".join(out).rstrip() + "\n"


def _sections(ruleset: RuleSet) -> list[str]:
    out = ["## 五项报告内容", "", "| 键 | 名称 | 必备 | 识别用的标题用语 |", "|---|---|---|---|"]
    for key in ruleset.order:
        item = ruleset.section_def(key)
        if item:
            out.append(f"| `{item.key}` | {item.name} | {'是' if item.required else '否'} | {'、'.join(item.aliases)} |")
    return out + [""]


def _scoring(ruleset: RuleSet) -> list[str]:
    scoring = ruleset.scoring
    weights = scoring.get("weights") or {}
    out = ["## 评分", "", f"从 {scoring.get('start', 100)} 分起扣：" +
           "，".join(f"每条{SEVERITY_CN[k]}扣 {v} 分" for k, v in weights.items()) +
           (f"；同一规则最多扣 {scoring['rule_cap']} 分" if scoring.get("rule_cap") is not None else "") + "。"]
    for rule_id, weight in (scoring.get("rule_weights") or {}).items():
        out.append(f"- `{rule_id}` 每条扣 {weight} 分")
    for rule_id in scoring.get("unscored_info") or []:
        out.append(f"- `{rule_id}` 的提示只说明无法检查，不扣分")
    return out + [""]


def _index(ruleset: RuleSet) -> list[str]:
    out = ["## 规则一览", "", "| 规则 | 级别 | 检查什么 |", "|---|---|---|"]
    for rule in ruleset.rules:
        out.append(f"| [`{rule.id}`](#{rule.id}) | {SEVERITY_CN[rule.severity]} | {rule.summary} |")
    return out + [""]


def _rule(rule: Rule) -> list[str]:
    out = [f"## {rule.id}", "", f"**{rule.summary}** — 级别：{SEVERITY_CN[rule.severity]}（`{rule.severity}`），"
           f"类型：`{rule.kind}`" + (f"，范围：{', '.join(rule.scope)}" if rule.scope else ""), ""]
    if rule.basis:
        out += [f"- **依据**：{rule.basis}"]
    if rule.fix:
        out += [f"- **怎么改**：{rule.fix}"]
    if rule.limits:
        out += [f"- **局限**：{rule.limits}"]
    out += [f"- **提示语**：{rule.message}", ""]
    for verdict, label in (("fail", "会报告的写法"), ("pass", "不会报告的写法")):
        examples = rule.examples.get(verdict) or []
        if examples:
            out += [f"{label}：", ""] + _example(examples[0])
    return out


def _example(example) -> list[str]:
    """A string example as one text block; a mapping with last year's report before this
    year's, and the publication date it assumes."""
    if not isinstance(example, dict):
        return ["```text", str(example).rstrip(), "```", ""]
    out = []
    if example.get("published"):
        out += [f"（发布日期：{example['published']}" + ("，网页" if example.get("expects_date") else "") + "）", ""]
    elif example.get("expects_date"):
        out += ["（网页，未标明发布日期）", ""]
    if example.get("draft"):
        out += ["（检查的是尚未公开的草稿：配置 draft: true 或命令行 --draft）", ""]
    if example.get("previous"):
        out += ["上一年度报告：", "", "```text", example["previous"].rstrip(), "```", "", "本年度报告：", ""]
    return out + ["```text", example["text"].rstrip(), "```", ""]
