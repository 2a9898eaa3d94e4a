"""checker.parse.issuer.qualify: a short form's place put back from a local document the text cites."""
from __future__ import annotations

import pytest

from checker.parse.issuer import qualify


@pytest.mark.parametrize("name, text, expected", [
    # 市场 after the city is a word, not a second city
    ("市文化和旅游局", "制定《云溪市文化市场综合执法工作规程》，规范执法流程。", "云溪市文化和旅游局"),
    ("市市场监管局", "贯彻《云溪市电梯安全管理规定》。", "云溪市市场监管局"),
    # a district inside the city the document names
    ("区司法局", "落实《云溪市青山区行政执法公示办法》。", "青山区司法局"),
    # a city inside the province the document names
    ("市司法局", "执行《江南省云溪市法律援助条例》。", "云溪市司法局"),
])
def test_place_from_cited_document(name, text, expected):
    assert qualify(name, text) == expected
