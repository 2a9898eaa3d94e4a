"""claim kind (claim-unquantified): a result claim needs a figure or verifiable evidence."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "claim-unquantified"


@pytest.mark.parametrize("sentence", [
    "坚持“一网通办”改革方向，政务服务效能明显提升。",
    "全面落实行政执法三项制度，执法规范化水平明显提升。",
    "区委全面依法治区委员会第三次会议研究部署，各项任务取得积极成效。",
    "认真贯彻《江澜市法治政府建设三年行动计划（2023—2025年）》，形成了齐抓共管的良好格局。",
    "推行7×24小时自助服务，群众办事便利度显著提升。",
    "行政机关负责人出庭率稳步提升。",
    "建立文件后评估制度，有效提升规范性文件的质量。",
    "开展“送法进企业”活动，取得了企业欢迎的良好效果。",
    "组织执法人员参加庭审旁听，群众的监督权得到有效保障。",
    "二是依法行政能力明显提升。",
    # 了 between the result verb and the result
    "全面推行行政执法公示制度，法治政府建设取得了新成效。",
    "深化“放管服”改革，营商环境建设取得了新成绩。",
    # a rank claim without a place
    "开展文明交通劝导，劝导成效位居全市前列。",
    "优化审批流程，政务服务满意度走在全省前列。",
    # a list with no action verb before it: the phrase that closes it is still a claim
    "全年开展普法讲座、法律咨询等活动，宪法、民法典宣传普及提质增效。",
])
def test_claims_without_figures_fire(national, sentence):
    got = findings(report(measures=sentence), national, RULE)
    assert len(got) == 1 and got[0].excerpt == sentence and got[0].section == "measures"


@pytest.mark.parametrize("sentence", [
    "全年通过“一网通办”平台办理事项4万余件，群众办事便利度显著提升。",
    "组织执法人员培训815人次，执法人员依法履职能力不断提高。",
    "59名行政机关负责人出庭应诉，出庭应诉率达92.74%，实质性化解成效显著。",
    "区市场监管所获评全国五星市场监管所，基层执法能力明显提升。",
    "区司法所入选全国公共法律服务示范点，服务能力明显提升。",
    "平均用时压缩至25.6天，审批效率大幅提高。",
    "不断提高运用法治思维和法治方式的能力，增强依法履职的意识。",
    "行政争议化解成效显著，化解行政争议数量较上年翻一番。",
    "开展文明交通劝导，劝导成效位居全市前列，排名第二。",
    "群众满意度测评中，治水工作位列各项民生实事工作的第一位，成效显著。",
    # a grade obtained in an assessment is a verifiable result, as an honour is
    "在全市依法行政考核中获得优秀等次，法治建设水平明显提升。",
])
def test_figures_and_evidence_clear_a_claim(national, sentence):
    assert findings(report(measures=sentence), national, RULE) == []


def test_duty_part_is_checked_and_plan_is_not(national):
    text = report(duty="区长带头学法，法治意识明显增强。", plan="持续推进执法规范化，执法水平明显提升。")
    got = findings(text, national, RULE)
    assert [f.section for f in got] == ["duty"]


def test_headings_are_titles_not_claims(national):
    text = report(measures="（一）政府履职水平提质增效\n全年审核规范性文件37件。")
    assert findings(text, national, RULE) == []


@pytest.mark.parametrize("sentence", [
    "优化政策全流程公开，扩大政策阅办联动覆盖面，提升政策解读质效，加强政策留言板建设。",
    "通过年度考核不断推动行政执法工作提质增效。",
    "一是不断提升立法工作质效。",
    # the verb before a list governs the phrase that closes it
    "修订普法实施方案，切实推动宪法、民法典及其他法律法规宣传普及提质增效。",
])
def test_actions_and_purposes_are_not_claims(national, sentence):
    """A trigger that opens its clause without a degree adverb is a task in a list; one governed
    by an action verb (推动 …) is a purpose; neither asserts a result."""
    assert findings(report(measures=sentence), national, RULE) == []


def test_figure_in_the_clause_just_before_supports_a_claim(national):
    text = report(measures="全年调解矛盾纠纷1260件，调解成功率97.5%。有力保障社会和谐稳定。")
    assert findings(text, national, RULE) == []


@pytest.mark.parametrize("paragraph", [
    "围绕审判实践开展理论研究，在全省理论研究中走在前列。截至目前，共撰写调研文章31篇。",
    "行政复议质效明显提升。全年办理行政复议案件126件，纠错率8.7%。",
    "执法规范化水平显著提升。其中，法制审核重大执法决定213件。",
    "基层依法治理取得积极成效。区司法所获评全国先进司法所。",
    "普法宣传取得良好效果。如：“法治进社区”活动走进全区各村居，受到群众欢迎。",
    "诉源治理成效显著。例如，区法院在各镇设立调解工作室，纠纷就地化解。",
    # an enumerated point that is a claim is the title of the next sentence: its figure may come late
    "三是示范创建取得阶段性成效。做好申报迎检工作，从7个申报地区中优选2个参评。",
    # after a short lead-in (a year), the clause that follows runs to its comma: a 、 lists its subjects
    "领导干部法治素养明显提升。2024年，局党组会、理论学习中心组专题学法6次。",
    # an honour after a 、 list of the assessments that earned it: the list does not end the clause
    "基层依法治理取得新成效。全区法治建设考评、平安建设考评均获得优秀等次；区司法所获评全国先进司法所。",
])
def test_next_sentence_opening_with_support_clears_a_claim(national, paragraph):
    """The sentence right after a claim may open with the figure or example that proves it."""
    assert findings(report(measures=paragraph), national, RULE) == []


@pytest.mark.parametrize(("paragraph", "claim"), [
    # the next sentence opens a new point: its figure is about that point
    ("执法规范化水平显著提升。二是办理行政复议案件126件。", "执法规范化水平显著提升。"),
    # the figure comes late in the next sentence, after its own subject matter
    ("普法宣传取得良好效果。区司法局组织开展宣讲活动，覆盖群众3000余人。", "普法宣传取得良好效果。"),
    # a claim that is not an enumerated point needs the figure at the opening of the next sentence
    ("示范创建取得阶段性成效。做好申报迎检工作，从7个申报地区中优选2个参评。", "示范创建取得阶段性成效。"),
    # a count in words before a quoted slogan is not data, nor is the year
    ("依法行政工作取得明显成效。2024年的工作体现出了四个“最”：力度最大、范围最广。", "依法行政工作取得明显成效。"),
    # 如期 is not an example
    ("法治意识明显增强。如期完成年度普法任务。", "法治意识明显增强。"),
    # without a lead-in the 、 still ends the opening clause: the figure is about the last listed thing
    ("执法规范化水平明显提升。组织开展执法程序、文书制作专题培训815人次。", "执法规范化水平明显提升。"),
    # an honour after the next sentence's first , is about that clause's own subject
    ("普法宣传取得良好效果。区司法局组织开展宣讲活动，在全市普法考评中获得优秀等次。", "普法宣传取得良好效果。"),
    # after the lead-in, the figure must be in the clause that follows it, not later
    ("领导干部法治素养明显提升。2024年，局党组会、理论学习中心组坚持集中学法，全年共6次。", "领导干部法治素养明显提升。"),
])
def test_next_sentence_without_opening_support_does_not_clear(national, paragraph, claim):
    got = findings(report(measures=paragraph), national, RULE)
    assert [f.excerpt for f in got] == [claim]


def test_next_paragraph_does_not_support(national):
    text = report(measures="行政复议质效明显提升。\n全年办理行政复议案件126件。")
    got = findings(text, national, RULE)
    assert [f.excerpt for f in got] == ["行政复议质效明显提升。"]


def test_figure_in_another_paragraph_does_not_support(national):
    text = report(measures="全年调解矛盾纠纷1260件。\n坚持源头治理，有力保障社会和谐稳定。")
    got = findings(text, national, RULE)
    assert [f.excerpt for f in got] == ["坚持源头治理，有力保障社会和谐稳定。"]


def test_degree_adverb_makes_a_claim_even_when_it_opens_the_clause(national):
    got = findings(report(measures="推行容缺受理，显著提升群众办事便利度。"), national, RULE)
    assert len(got) == 1 and "显著提升" in got[0].message


@pytest.mark.parametrize("sentence", [
    "制定年度法治工作计划，明确工作目标和责任分工，确保各项任务得到有效落实。",
    "建立月通报制度，以便问题得到有效解决。",
    "为了执法规范化水平明显提升，组织执法人员培训。",
])
def test_a_purpose_clause_is_not_a_claim(national, sentence):
    """确保/为了/以便…: what a measure is for, not what it achieved (even with 有效/明显)."""
    assert findings(report(measures=sentence), national, RULE) == []


@pytest.mark.parametrize("sentence", [
    "每季度召开专题会议，协调解决执法难点问题，为乡村振兴提供有力保障。",
    "健全联席会议制度，并为重点项目落地提供有力保障。",
])
def test_a_purpose_frame_is_not_a_claim(national, sentence):
    """为……提供有力保障 (no 了) says what the measures are for."""
    assert findings(report(measures=sentence), national, RULE) == []


@pytest.mark.parametrize("sentence", [
    "每季度召开专题会议，协调解决执法难点问题，为乡村振兴提供了有力保障。",
    "召开专题会议，执法质效显著提升，为乡村振兴提供有力保障。",
])
def test_a_purpose_frame_with_le_or_another_claim_stays_a_claim(national, sentence):
    """With 了 the frame reports what was achieved; a claim in another clause is not in the frame."""
    got = findings(report(measures=sentence), national, RULE)
    assert [f.excerpt for f in got] == [sentence]


def test_quebao_le_reports_a_result_and_stays_a_claim(national):
    sentence = "加强督办，确保了各项任务得到有效落实。"
    got = findings(report(measures=sentence), national, RULE)
    assert [f.excerpt for f in got] == [sentence]


@pytest.mark.parametrize("sentence", [
    "深化智慧执法平台建设，实现精准分析，执法效率和准确性得到提升。",
    "推行告知承诺制，群众满意度获得了进一步提高。",
])
def test_a_result_verb_before_the_improvement_is_a_claim(national, sentence):
    got = findings(report(measures=sentence), national, RULE)
    assert [f.excerpt for f in got] == [sentence]


def test_an_improvement_in_a_purpose_clause_is_not_a_claim(national):
    assert findings(report(measures="建立执法数据平台，确保执法效率得到提升。"), national, RULE) == []


@pytest.mark.parametrize("opening", [
    "2024年，区政府坚持依法行政，法治政府建设取得明显成效。",
    "2024年，区政府坚持依法行政，各项工作取得了积极成效。",
    "2024年，区政府坚持依法行政，依法行政水平不断提高。",
    "2024年，区政府坚持依法行政，法治政府建设迈上新台阶。",
])
def test_an_unmistakable_claim_in_the_opening_fires(national, opening):
    got = findings(report(opening=opening), national, RULE)
    assert [(f.excerpt, f.section) for f in got] == [(opening, None)]


@pytest.mark.parametrize("opening", [
    # the opening sums up: ordinary claim words are left to the measures part
    "2024年，区政府坚持依法行政，政务服务效能明显提升。",
    # a figure in the same sentence supports it
    "2024年，全区办理行政复议案件126件，法治政府建设取得明显成效。",
    # a goal, not a result: the verb before the list governs each item
    "2024年，区政府全力推动法治政府建设再上新台阶、取得新成效。",
    "2024年，区政府推动法治政府建设取得新成效。",
])
def test_the_opening_is_judged_only_for_unmistakable_claims(national, opening):
    assert findings(report(opening=opening), national, RULE) == []


def test_a_trigger_inside_quotation_marks_names_a_goal(national):
    """深刻把握“走在前列”总目标: the quoted words are the goal's name, not a claim about the work."""
    sentence = "组织专题研讨，深刻把握“走在前列”总目标的丰富内涵，切实把学习成果转化为工作举措。"
    assert findings(report(measures=sentence), national, RULE) == []


def test_a_trigger_outside_the_quotes_stays_a_claim(national):
    sentence = "推行“一网通办”，审批效率明显提升。"
    got = findings(report(measures=sentence), national, RULE)
    assert [f.excerpt for f in got] == [sentence]


def test_a_next_sentence_that_narrows_the_claim_then_gives_its_figure_supports_it(national):
    """……明显改善。河道水质持续向好，达标断面12个: the first clause names the part, the next proves it."""
    text = report(measures="全面推进河道整治，辖区水环境质量明显改善。河道水质持续稳定向好，达标断面12个，黑臭水体全部消除。")
    assert findings(text, national, RULE) == []


def test_a_next_sentence_that_opens_with_an_action_does_not_support_a_claim(national):
    """Only a restated claim lets the figure come one clause later: an action first does not."""
    text = report(measures="全面推进河道整治，辖区水环境质量明显改善。组织开展全区河道专项巡查行动，发现问题12个。")
    assert len(findings(text, national, RULE)) == 1


def test_an_exam_passed_by_everyone_is_a_result(national):
    """参考人员全员通过: everyone passing is a verifiable result (100%), as a pass rate is."""
    text = report(measures="在全市行政执法资格考试中，参考人员全员通过，执法人员法治素养明显提升。")
    assert findings(text, national, RULE) == []


def test_a_whole_work_result_is_supported_by_the_next_sentences_second_clause(national):
    """……，取得明显成效。 sums up the work; the next sentence names a field, then gives its figure."""
    paragraph = ("全区上下深入推进依法行政，加快建设法治政府，取得明显成效。"
                 "始终坚持依法履行政府职能，全年共取消、下放行政审批事项65项。")
    assert findings(report(measures=paragraph), national, RULE) == []


@pytest.mark.parametrize(("paragraph", "claim"), [
    # a claim that names what improved is not proved by the next field's figure
    ("依法行政意识和能力明显提高。持续浓厚法治氛围，举办宣传活动70场。", "依法行政意识和能力明显提高。"),
    # 取得… after its own subject names what improved as well
    ("普法宣传取得良好效果。持续浓厚法治氛围，举办宣传活动70场。", "普法宣传取得良好效果。"),
    # a whole-work result still needs the figure within the next sentence's first two clauses
    ("加快建设法治政府，取得明显成效。始终坚持依法履行政府职能，持续深化放管服改革，取消事项65项。",
     "加快建设法治政府，取得明显成效。"),
])
def test_a_named_result_needs_the_figure_in_the_first_clause(national, paragraph, claim):
    got = findings(report(measures=paragraph), national, RULE)
    assert [f.excerpt for f in got] == [claim]


def test_a_points_title_is_supported_by_its_body_past_a_semicolon(national):
    """四是……不断完善。: the point's body runs to its full stop, past the semicolons the splitter
    cuts at, and a figure anywhere in it supports the title."""
    text = report(measures="四是行政复议工作不断完善。制定《云溪区行政复议案件办理规则》，建立三项机制；办理行政复议案件20件。")
    assert findings(text, national, RULE) == []
    bare = report(measures="四是行政复议工作不断完善。制定《云溪区行政复议案件办理规则》，建立三项机制；完善工作流程。")
    assert findings(bare, national, RULE) != []


# After round 18: a point's title (一是……取得新成效。) sums up its body, whose figure may come in
# any of its sentences, not only the next one.
POINT = ("一是行政执法规范化建设取得新成效。组织开展执法案卷评查，对照标准逐卷打分。"
         "{figure}二是{next}")


def test_a_points_title_is_supported_anywhere_in_its_body(national):
    text = POINT.format(figure="全年评查案卷326卷，整改问题41个。", next="加强队伍建设。")
    assert findings(report(measures=text), national, RULE) == []


def test_a_points_title_whose_body_has_no_figure_is_still_a_claim(national):
    text = POINT.format(figure="评查结果在全区通报。", next="全年培训执法人员420人次。")
    assert len(findings(report(measures=text), national, RULE)) == 1
