"""not-a-report: pages found next to a report (a 解读, news, 述法, a notice, a research article,
a catalogue record) get one warning saying what they seem to be, and no report findings;
reports — templates with placeholders too — are checked as reports.  Synthetic texts (ours)."""
from __future__ import annotations

import pytest

from checker.run.pipeline import check_text
from tests.reportkit import report

RULE = "not-a-report"

NOT_REPORTS = {
    "解读": ("【政策解读】《云溪区人民政府2024年法治政府建设情况报告》解读\n"
             "一、起草背景\n区司法局起草了报告初稿，征求各部门意见后形成本报告。\n"
             "二、主要内容\n报告共分四个部分，第一部分是主要举措和成效。"),
    "述法": ("近日，云中市组织开展党政主要负责人专题述法评议活动，5名负责同志现场述法。\n"
             "会议要求各单位把述法作为推动法治建设的重要抓手。"),
    "新闻": ("本报讯 日前，云溪区召开法治政府建设推进会，部署全年工作。\n"
             "会议强调，要把法治政府建设摆在突出位置。（记者 李明）"),
    "研究文章": ("法治政府建设年度报告制度的实证研究\n关键词：年度报告；法治政府\n"
                 "摘要：本文以三十份年度报告为样本，讨论报告制度的完善。"),
    "通知": ("云政办〔2024〕3号\n云溪区人民政府办公室\n关于印发云溪区2024年法治政府建设工作要点的通知\n"
             "各街道办事处，区政府各部门：\n现将《工作要点》印发给你们，请认真贯彻执行。\n"
             "一、依法全面履行政府职能\n（一）深化审批改革。"),
    "述法报告": ("云溪区司法局局长2024年述法报告\n今年以来，我认真履行法治建设第一责任人职责，"
                 "现将我履行职责情况报告如下：\n一、强化领导责任\n我主持召开会议研究法治工作4次。"),
    "第一责任人职责报告": ("云溪区关于履行推进法治建设第一责任人职责情况的报告\n区长 张明\n2025年2月\n"
                          "2024年，我切实履行第一责任人职责。现将本人2024年述法工作情况报告如下：\n"
                          "一、履职情况\n主持召开常务会议研究法治议题4次。"),
    "新闻标题": ("云中市卫健委发布2024年度法治政府建设报告\n发布时间：2025-04-06\n"
                 "云中市卫生健康委日前发布《2024年度法治政府建设工作报告》，报告指出全年审核文件37件。"),
    "新闻（标题下一段）": ("云溪区出台法治政府建设工作要点\n2025-05-06  20:39\n"
                           "日前，云溪区出台2025年法治政府建设工作要点及任务分解，明确目标任务。"),
    "信息公开年报": ("云溪区公安局2024年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，"
                     "现将本局2024年政府信息公开工作情况报告如下：\n一、总体情况\n全年主动公开信息120条。"),
    "文献摘要": ("2024年，云中市深入推进依法行政，法治政府建设迈上新台阶。\n"
                 "In 2024 the city further promoted the construction of a government under the rule of law."),
    "目录": ("索引号：0001-2025-0012\n主题分类：法治政府\n发布机构：云溪区人民政府\n成文日期：2025-03-20\n"
             "云溪区人民政府2024年法治政府建设情况报告"),
    "讲话": ("云中市副市长 王明\n（2024年6月3日）\n同志们：\n今天召开全市依法行政工作会议，"
             "刚才几个部门作了交流发言。下面，我讲三点意见。\n一、提高认识\n法治政府建设是一项系统工程。"),
    "讲话（标题）": ("在云中市法治政府建设推进会上的讲话\n今天这次会议很重要，我讲几点意见。\n"
                     "一、肯定成绩\n全市依法行政水平不断提高。"),
    "年鉴": ("2023卷\n【法治政府建设】 全年审核市政府规范性文件37件，办理行政复议案件412件，"
             "组织执法人员培训6期，行政机关负责人出庭应诉率达到100%。\n"
             "【普法依法治理】 开展宪法宣传周活动120场。"),
    "年鉴条目": ("【依法行政】 云中市政府全年提请审议地方性法规草案3件，制定政府规章2件，"
                 "审核行政规范性文件37件，备案审查率100%。\n【行政复议】 全年收到复议申请412件。"),
    "事项目录": ("云溪区政府信息主动公开事项目录\n现将各单位主动公开事项目录集中公开。\n"
                 "事项名称 公开内容 公开时限\n法治政府建设年度报告 上一年度推进法治政府建设的情况 每年4月1日之前"),
    "范文汇编": ("法治政府建设工作总结【3篇】\n以下是小编整理的法治政府建设工作总结，仅供参考。\n"
                 "第1篇：法治政府建设工作总结\n今年以来，我镇坚持依法行政。"),
    "调研报告": ("云中市法治政府建设情况的调研报告\n为了解全市法治政府建设情况，调研组走访了12个部门。"
                 "现将调研情况报告如下：\n一、基本情况\n全市审核规范性文件37件。"),
    "评估报告": ("中国法治政府评估报告（2023）\n本报告由课题组对100个城市的法治政府建设情况进行评估。\n"
                 "一、评估指标\n指标体系共分九项一级指标。"),
    "工作指引": ("为进一步规范法治政府建设年度报告工作，根据有关规定，制定本工作指引。\n"
                 "一、报告名称。法治政府建设年度报告。\n二、报告主体。县级以上政府及其部门。"),
    "实施方案（无标题）": ("为深入推进依法行政，结合我区实际，制定本实施方案。\n"
                           "一、工作目标\n到2025年，法治政府基本建成。\n二、主要任务\n（一）健全制度。"),
    "信息公开年报（两行标题）": ("云溪区司法局2024年政府\n信息公开工作年度报告\n"
                                 "依据《中华人民共和国政府信息公开条例》编制本报告。\n一、总体情况\n"
                                 "2024年，区司法局扎实推进政府信息公开工作。"),
    "信息公开报告": ("云中市交通运输局2024年度政府信息公开工作报告\n一、总体情况\n"
                     "2024年，市交通运输局认真贯彻《政府信息公开条例》，全年主动公开信息120条。"),
    "新闻（导语）": ("云溪区人大常委会调研法治政府建设\n（发布于：2024-12-08 18:00）\n"
                     "12月8日下午，云溪区人大常委会副主任带领调研组，对我区法治政府建设工作进行调研。\n"
                     "调研组听取了区司法局关于2024年度法治政府建设情况的汇报。"),
    # round 4: genre signals seen on pages that were not reports (each written anew here)
    "分析文章（从一、开始）": ("一、背景概述\n随着法治建设不断深入，县级法治建设日益重要。本文将对2024年度"
                             "县级法治建设工作计划进行分析与展望。\n二、工作计划分析\n1.深化法治宣传教育"),
    "新闻（导语无上午下午，繁体）": ("3月5日，我縣召開法治政府建設示范創建推進會議。縣委常委主持會議並安排部署相關工作。\n"
                                   "會議強調，各單位要加強領導，形成合力。通訊員 | 王小明"),
    "信息公开年报（无标题）": ("根据《中华人民共和国政府信息公开条例》要求，我局编制并向社会公开云溪区交通运输局"
                             "2024年度政府信息公开工作年度报告。\n一、总体情况\n2024年，我局坚持依法公开。"),
    "范文页（有报告标题）": ("云溪区2024年法治政府建设工作情况报告\n时间：2024-05-07 公文范文 来源：网友投稿\n"
                           "下面是小编为大家整理的云溪区2024年法治政府建设工作情况报告，供大家参考。\n"
                           "一、提高政治站位\n（一）加强党的领导。召开会议*次。"),
    "研究文章（作者单位）": ("政府环境责任的演进与启示\n张明\n（云中大学 法学院，云中 123456）\n"
                           "政府环境责任是政府在促进发展的同时所担负的保护环境的责任。\n一、机构日渐独立"),
    "讲话（无换行）": ("副市长在全市法治政府建设工作会议上的讲话同志们：今天我们召开全市法治政府建设工作会议，"
                      "总结成绩、部署任务。下面，我讲三个方面意见：一、肯定成绩（一）全面总结新成效。"),
    "通报": ("关于印发2024年重点任务上半年落实情况的通报\n各乡镇人民政府，县政府各部门：\n"
             "县政府督查室对重点任务落实情况进行了专项督查，现将有关情况通报如下。"),
    "范文页（为你整理）": ("首页 > 文章中心 > 正文\n加强法治政府建设意见\n前言：本站为你精心整理了加强法治政府建设意见范文，"
                         "希望能为你的创作提供参考。\n各镇人民政府，区政府各部门：\n现结合我区实际，提出以下意见。"),
    "讲话（刚才）": ("刚才，会议传达学习了上级会议精神，通报了年度考核情况，请大家认真抓好贯彻落实。\n"
                   "今年以来，市司法局坚持依法行政，各项工作取得新进展。"),
    "新闻（本站讯）": ("水利出版网\n2024-04-14\n本站讯 近日，云中市水利局发布2023年法治政府建设年度报告，"
                     "全面总结依法行政工作进展及成效。\n2023年，市水利局坚持依法行政。"),
    "信息公开年报（编制了）": ("根据《中华人民共和国政府信息公开条例》规定，我局编制了2024年政府信息公开工作年度报告。"
                             "报告包括总体情况、主动公开政府信息情况等六个部分。\n一、总体情况\n2024年，我局依法公开政府信息。"),
    "考试题": ("2024年5月，云中省发布2023年度法治政府建设白皮书，全省法治建设群众满意率达97%。\n"
               "结合材料，运用全面依法治国的相关知识，谈谈云中省推进法治政府建设给我们的启示。"),
    # round 5: a news lead behind its 为……, clause; texts that never name the report's subject
    "新闻（为……，导语）": ("您的位置：首页 > 工作动态\n云溪区部署法治政府建设督察迎检工作\n时间：2024-10-19 来源：区司法局\n"
                         "为扎实做好2024年法治政府建设督察迎检工作，10月15日，云溪区召开专题部署会议，"
                         "听取前期工作情况汇报。区委常委主持会议。"),
    "另一种年度报告（现将……报告如下）": (
        "2024年，在市委、市政府的正确领导下，市水务局认真履行水资源保护职责，全面完成年度目标任务，"
        "全市水环境质量持续改善。现将我局2024年水资源保护职责履行情况报告如下。\n"
        "一、2024年度全市水资源状况\n（一）地表水质量。全市12个考核断面优良水体比例为91.7%，同比提高8.3个百分点，"
        "连续两年完成省级考核目标。\n（二）地下水质量。全市28个地下水监测点位全部达到考核要求，"
        "水位同比回升0.6米。\n二、主要工作\n（一）加强水源地保护。完成3个县级水源地规范化建设，清理违规设施14处。"),
    "工作总结（另一主题）": (
        "区农业农村局2024年工作情况和2025年工作思路\n一、2024年工作总结\n"
        "2024年以来，区农业农村局围绕粮食安全和乡村振兴两大任务，全力抓生产、促增收、强基础，"
        "各项工作取得新进展。全年粮食播种面积12.6万亩，总产量5.1万吨，同比增长2.3%；"
        "农村居民人均可支配收入2.4万元，同比增长6.8%；新建高标准农田1.2万亩，完成农村改厕860户，"
        "培育市级以上农业龙头企业5家。\n二、2025年工作思路\n稳定粮食生产，推进农业产业化，持续改善农村人居环境。"),
    # round 5, from live-extra7's first (held-out) run: the formulas other documents use
    "述法（我作为……主要负责人）": ("2024年以来，我作为区林业局主要负责人，认真履行推进法治建设第一责任人职责。现将有关情况报告如下：\n"
                                  "一、履行第一责任人职责主要成效\n我带头讲授法治专题党课3次。"),
    "信息公开年报（报告由……组成）": ("工作年度报告\n2024年以来，云溪街道主动公开工作动态、政策文件等信息。报告由总体情况、主动公开政府信息情况、"
                                   "收到和处理政府信息公开申请情况等六部分组成。\n一、总体情况\n2024年，云溪街道持续推行依法行政工作。"),
    "印发实施意见的通知": ("各处室、各直属单位：\n现将《关于进一步深化法治政府部门建设的实施意见》印发给你们，请认真抓好落实。\n"
                         "为深入贯彻习近平法治思想，结合行业实际，制定本实施意见。\n一、总体要求\n（一）指导思想。"),
    "通报（无标题）": ("各县（市、区）人民政府，市政府各部门：\n2024年，全市各级各部门深入推进依法行政，法治政府建设取得新成效。"
                     "经市政府同意，现将依法行政考核优秀等次单位通报如下：\n一、县（市、区）政府\n云溪区、云岭县。"),
    # round 6, from live-extra8's first (held-out) run: a dateline, an event lead, a document-sharing site
    "新闻（报道：近日）": ("云中融媒报道：近日，云中省委依法治省办印发决定，对20个法治政府建设示范地区和项目予以命名。\n"
                       "示范创建活动自2021年3月起开展，经初审推荐、实地核查等环节评选产生。"),
    "新闻（某网N月N日讯）": ("云中网3月7日讯（记者 王小明）3月6日，云中省政府新闻办召开发布会，介绍全省依法行政工作情况。\n"
                         "全年办理行政复议案件412件。"),
    "新闻（N月N日，举办活动）": ("云溪区举办普法宣传月活动\n2024-07-05 来源：云溪区林业局\n"
                              "6月30日，云溪区林业局在云岭镇举办以“依法保护草原”为主题的普法宣传月现场活动，120余人参加。\n"
                              "近年来，云溪区高度重视草原保护工作。"),
    "文档分享页": ("云中省法治政府实施方案_第1页\n已阅读5页，还剩14页未读 继续免费阅读\n下载本文档\n"
                  "版权说明：本文档由用户提供并上传，收益归属内容提供方。\n文档简介\n云中省法治政府实施方案范文参考一、背景分析"),
    "年鉴（概况）": ("二级目：法治\n【概况】 2024年，全县政法各部门坚持稳中求进，全力打造更高水平的平安云溪、法治云溪，"
                   "为全县经济社会高质量发展提供了有力的法治保障。全县公众安全感民意调查排全省第15位。"),
    # round 7, open misses of live-extra8: an evaluation report; a catalogue record with an English summary
    "实施后评估报告": ("根据《云中省行政规范性文件制定程序规定》，云溪区卫生健康局对《云溪区人民政府关于印发健康行动实施方案的通知》"
                     "开展实施后评估工作，现就评估工作成果报告如下：\n一、评估对象\n本次评估的对象于2022年7月7日公布施行。"),
    "资料库记录（外文摘要）": ("云中省人民政府关于2024年度法治政府建设情况的报告\nEnglish title\n"
                             "Report of the Yunzhong Provincial People's Government on the Building of a Law-based Government "
                             "in the Year 2024 (machine-translated)\n"
                             "Published\n2025-03-27\nSummary\n(1) In 2024, under the leadership of the provincial committee, "
                             "all levels of government in the province adhered to the rule of law and made steady progress."),
    # round 8: an indicator system that says it is made (制定本指标体系), a standing committee hearing
    # the report (news, its title wrapping the report's), a commentary (述评)
    "指标体系": ("云中省法治政府建设指标体系\n为深入推进依法行政，加快建设法治政府，结合我省实际，制定本指标体系。\n"
                 "一、行政决策（占总分值的15%）\n基本要求：重大行政决策程序正当、过程公开。"),
    "人大常委会审议报告的新闻": ("云中州人大常委会审议云中州政府2024年法治政府建设工作情况报告\n发布日期:2025-05-19\n"
                                 "州人大常委会第三十六次会议听取和审议了州人民政府关于2024年度法治政府建设情况的报告。"
                                 "2024年，全州政府系统深入推进依法行政，法治政府建设取得了新成效。"),
    "述评": ("法治 善治——2024年自然资源工作系列述评之治理能力篇\n时间:2025-01-17 17:12:26\n"
             "2024年，全省自然资源部门不断夯实法治建设根基，治理能力现代化水平显著提升。"),
    # round 9: a report answering a standing committee's review opinions (its title over three lines),
    # a report written at a survey notice's request (its opening says 现将……报告如下)
    "审议意见研究处理情况的报告": ("云中市人民政府关于《云中市人大常委会对〈云中市人民政府关于2024年度生态环境保护工作情况的报告〉的审议意见》研究处理情况的报告\n"
                                   "市人大常委会：\n2025年3月，市人大常委会听取和审议了市政府的报告，提出了审议意见。"
                                   "市政府高度重视，逐条研究落实，依法推进整改。现将研究处理情况报告如下：\n一、加强统筹协调\n成立专班3个。"),
    "专题调研的报告": ("云溪区林业局关于《云中市法治政府建设实施方案(2021-2025年)》\n"
                       "按照《关于开展云中市法治政府建设实施方案(2021-2025年)专题调研的通知》要求，结合林业工作实际，"
                       "现将我局法治政府建设各项工作贯彻落实情况报告如下：\n一、坚持党的领导，认真履行第一责任人职责\n"
                       "严格执行第一责任人职责规定，每年制定法治建设工作要点。"),
    # round 9, from live-extra11's first (held-out) run: a law-enforcement inspection report, a book's
    # page, a news lead on a visit led by an official
    "执法检查报告": ("全国人民代表大会常务委员会执法检查组\n关于检查《中华人民共和国云中法》\n实施情况的报告\n"
                     "——2025年10月26日在第十四届全国人民代表大会常务委员会第十八次会议上\n"
                     "全国人民代表大会常务委员会：\n今年，全国人大常委会对云中法实施情况开展了执法检查，推动法律全面有效实施。"),
    "图书介绍": ("云中法治政府评估报告（2024）\n定价：168元\n丛书名：法治政府蓝皮书\n- ISBN：9787500000000\n"
                 "本书按照推进依法行政、建设法治政府的要求，持续完善评估指标体系，呈现法治政府建设的基本面貌。"),
    "新闻评论（句子里的“公布的报告”）": ("3月30日公布的云中市2024年法治政府建设年度报告，无疑是一份抢眼的成绩单。\n"
                                          "立法量大质优\n全年提请审议地方性法规草案6件。"),
    "新闻（率队调研）": ("5月13日，云中市司法局党委书记、局长率队到云溪区调研法治政府建设工作。\n"
                         "调研组一行先后到区政务服务中心、区公共法律服务中心实地调研，详细了解行政审批创新举措。"),
    # round 10: a lead on an inspection team led by an official; the reporter's 获悉; an article's 本文结合
    "新闻（带领督察组）": ("云中市督察组来云溪区督查法治政府建设工作\n"
                           "10月24日，云中市司法局副局长王明带领市委依法治市办第一督察组，来云溪区实地督查法治政府建设工作。\n"
                           "督察组查看了台账资料，听取了工作汇报。"),
    "新闻（记者获悉）": ("法治政府建设示范创建是对法治政府建设成效的一次全面体检。5月31日，记者获悉，云中市正全力争创示范市。\n"
                         "近年来，云中市围绕打造有为政府，高效发挥法治护航发展的功能。"),
    "研究文章（本文结合）": ("摘要\n依法行政是法治政府建设的核心内容之一。本文结合云中的区情和地域特征，"
                             "阐述了依法行政过程中存在的问题，并提出相应的完善建议。"),
    # session 11: a white paper, an application for a title, a law-enforcement statistics return
    "白皮书": ("云溪区2024年行政复议白皮书\n2024年，区人民政府依法办理行政复议案件，全年收到申请120件。\n"
               "一、基本情况\n全年审结案件112件，纠错率8%。"),
    "申报材料": ("云溪区创建全国法治政府建设示范区申报材料\n一、基本情况\n2024年，云溪区坚持依法行政。\n"
                 "二、创建工作开展情况\n全年审核规范性文件37件。"),
    # after round 20: a congress committee's opinions, an information-disclosure report cut above its title
    "审议意见（开篇）": ("（2025年4月29日云中市人大常委会第七十二次主任会议通过）\n"
                         "市人大常委会第二十次会议听取并审议了市政府关于2024年度法治政府建设情况的报告。为此，提出以下审议意见：\n"
                         "一、深化思想认识\n全年审核规范性文件37件。"),
    "信息公开年报（总体情况）": ("一、总体情况\n2024年，区医保局坚持以公开为常态，以政务公开助力法治政府建设。\n"
                                 "（一）主动公开方面\n全年主动公开信息120条。"),
    "信息公开年报（编制本报告）": ("根据《中华人民共和国政府信息公开条例》规定编制本报告。\n一、总体情况\n"
                                   "2024年，区管委会办公室坚持以公开为常态，助力法治政府建设。\n（一）主动公开情况\n全年主动公开信息120条。"),
    "执法统计年报": ("云溪区2024年度行政执法情况统计年报\n根据行政执法公示制度，现将2024年度行政执法数据公示如下：\n"
                     "一、行政许可\n全年办理行政许可1200件。"),
    # session 13: an article reposted with an editor's note
    "编者按": ("编者按：近日，某刊物刊发云溪区委书记署名文章《全力创建法治政府建设示范区》，现将原文予以转发。\n"
               "全力创建法治政府建设示范区\n一、坚持政治引领\n全区坚持依法行政，全年审核规范性文件37件。"),
    "通讯（纪实）": ("法治之光照亮发展之路\n——云溪区推进法治政府建设工作纪实\n"
                    "2024年，云溪区坚持依法行政，全年审核规范性文件37件。\n一、高位推动\n区委高度重视法治建设。"),
    "通讯（引语）": ("云溪区：以法治之力护航高质量发展\n今年以来，云溪区深入推进法治政府建设。\n"
                    "“我们把法治建设作为一把手工程。”区司法局相关负责人介绍。\n一、主要举措和成效\n全年审核规范性文件37件。"),
    "意见": ("为推进依法治区，加快建设法治云溪，现提出如下意见。\n一、全面推进依法治区\n（一）重大意义。依法治区是一项系统工程。"),
    "新闻（会议审议报告）": ("区政府党组召开会议审议2024年度法治政府建设情况报告\n时间：2025-03-20\n"
                             "3月19日，区政府党组召开会议，审议《云溪区人民政府2024年度法治政府建设情况报告》。"),
    "范文（篇1）": ("云溪区教育局2024年度法治政府建设报告\n教育局年度法治政府建设报告 篇1\n"
                    "20__年，教育局坚持以____思想为指导，全面推进依法治教。\n一、主要举措和成效\n全年审核文件__件。"),
    "个人述法（本人）": ("2024年以来，在县委、县政府的指导下，本人切实履行推进法治政府建设第一责任人职责，"
                         "认真落实各项部署，现将个人履职情况汇报如下：\n一、带头学法\n全年学法12次。"),
    "新闻（图片说明）": ("2024年，云溪区坚持依法行政，全力建设法治云溪，荣获全国法治政府建设示范区称号。\n"
                         "区政府召开政企座谈会。李明摄\n执法人员开展普法宣传。李明摄\n"
                         "筑法治之基\n云溪区把法治政府建设作为一把手工程，持续推进。"),
    "工作要点（总体要求）": ("2025年是全面完成法治政府建设实施纲要的收官之年。全年法治政府建设的总体要求是：坚持依法行政，"
                             "全面推进法治政府建设。\n1.深化行政执法体制改革。\n2.健全行政决策制度。"),
    # session 14 (round 34's first run): a piece's number before it, a disclosure report on 政务公开, an honour's headline
    "范文（篇一）": ("云溪区教育局2024年法治政府建设情况报告(精选5篇)\n来源：某作文网\n篇一：云溪区教育局2024年法治政府建设情况报告\n"
                    "按照《__省实施细则》要求，现将我局20__年法治政府建设情况报告如下：\n一、主要举措和成效\n全年审核文件__件。"),
    "信息公开年报（政务公开）": ("根据《中华人民共和国政府信息公开条例》和《关于做好2024年政府信息公开工作年度报告编制和发布工作的通知》有关要求，"
                               "现就2024年政务公开年度工作情况报告如下：\n一、总体情况\n（一）围绕建设法治政府推进政务公开。\n全年主动公开信息120条。"),
    "新闻（表彰）": ("云中市生态环境局被评为法治政府建设优秀单位\n2025-04-28 21:55\n"
                    "根据考核方案，2024年，市政府对各部门法治政府建设工作进行了考核。近日，市委、市政府通报考核结果，市生态环境局获评优秀。"),
    # session 14: a catalogue that sets each label and each value on a line of its own, above the title
    "信息公开年报（编目分行）": ("• 索引号:\n• 0010/2025-0012\n• 组配分类:\n• 信息公开年报\n• 发布机构:\n• 云港开发区管委会\n"
                                "• 成文日期:\n• 2025-01-13\n\n云港经济开发区管理委员会2024年政府信息公开工作年度报告\n"
                                "一、总体情况\n2024年，管委会坚持以公开为常态。\n（一）主动公开\n全年主动公开信息120条。"),
    "白皮书（版本在括号里）": ("云溪区法治政府建设白皮书(2024版)\n发布日期：2025年8月15日\n目录\n前言... 1\n"
                             "一、总报告... 5\n（一）加强党对法治政府建设的全面领导... 5"),
    # session 14 (round 36): a review of several years, a body's whole-year work summary, a year's 总体要求
    "多年回顾": ("云中市卫生健康委近年来依法行政工作情况报告\n2017-02-23\n近年来，我委坚持依法行政，"
                 "党的十八大以来累计审核规范性文件120件。\n一、健全制度\n出台制度12项。"),
    "全面工作总结": ("云溪区水利局2024年工作总结\n2024年，水利局在区委、区政府的正确领导下，突出抓好水旱灾害防御、"
                     "河湖长制、依法治水管水等重点工作。\n一、水旱灾害防御\n全年巡查河道120次。"),
    "工作要点（某年总体要求）": ("2025年全市法治交通建设工作的总体要求是：深入践行习近平法治思想，全面推进依法行政。\n"
                                 "一、完善制度体系\n1.修订执法规范（牵头部门：法规科）。"),
    "信息公开年报（编目分类值）": ("当前位置 : 首页 > 政府信息公开 > 政府信息公开年报\n0001/2025-00001\n其他;政府信息公开年报;\n"
                                   "云港高新区管委会\n2025-01-31\n云港高新区2024年政府信息公开工作年度报告\n"
                                   "一、总体情况\n2024年，管委会坚持依法行政，推进政务公开。\n（一）主动公开\n全年主动公开信息120条。"),
    # session 14 (round 38): a disclosure report's title run on into its text; a 解读 headed by its topic;
    # a model-text site saying what it is above a report-like title
    "信息公开年报（标题接正文）": ("云中市2018年政府信息公开工作年度报告云中市2018年政府信息公开工作年度报告 2018年，云中市坚持依法行政，"
                                   "推进政务公开。一、主动公开政府信息情况 全年主动公开信息120条。"),
    "解读（议题解读）": ("区政府常务会议议题解读:关于2024年度法治建设工作情况的汇报\n一、起草背景\n区司法局起草了汇报初稿。\n"
                        "二、主要内容\n汇报共分四个部分。"),
    "范文（公文网站）": ("欢迎访问某某网,一家专业的公文网站!\n\n全区依法行政和法治政府建设情况汇报\n"
                        "今年以来，*区坚持依法行政。\n一、主要举措和成效\n全年审核文件*件。"),
    # session 14: a text that opens on several years (none of 1,261 labelled reports opens so)
    "多年回顾（近年来开篇）": ("近年来，云中市司法局在市委、市政府的正确领导下，全面推进依法治市，累计审核规范性文件300件。\n"
                               "一、强化统筹协调\n连续五年开展法治督察。"),
    "多年回顾（党的十八大以来）": ("党的十八大以来，云中市坚持深学践悟习近平法治思想，法治云中建设取得实质性成效。\n"
                                   "一、科学立法\n制定地方性法规12件。"),
    # session 14 (round 39): a government office's guiding opinions
    "指导意见": ("云府办〔2022〕7号《云中省人民政府办公厅关于推进包容审慎监管的指导意见》\n"
                "各市人民政府，省政府各部门：\n为深入贯彻习近平法治思想，推进依法行政，提出如下意见。\n一、总体要求\n坚持依法监管。"),
    # session 13: a collection whose name on the first line reads as a part title (……工作计划)
    "范文汇编（标题后的篇数）": ("2024工作总结及2025年工作计划-12篇\n2024工作总结及2025年工作计划汇编\n(12篇)\n目录\n"
                 "1.某局2024年工作总结和2025年工作计划 3\n2.某中心2024年工作总结与2025年工作打算 13\n"
                 "3.某街道2024工作情况与2025工作谋划 19\n4.某街道2024年工作总结及2025年工作计划 32\n"
                 "5.某镇2024年平安建设工作总结及2025年工作计划 39\n6.某局2024年度法治建设工作总结和2025年工作计划 63\n"),
    # session 19 (round 50's first run): a day run on to an event held somewhere, in traditional characters;
    # a photograph credited to a body; a yearbook's 【综述】; the reporter's 获悉 with the day between
    "新闻（某日某活动在某地举行，繁体）": ("12月1日雲溪市“憲法宣傳週”啓動儀式暨法治定向賽在濱江公園舉行，市司法局代表隊獲得一等獎。\n"
                                          "多年來，市司法局堅持依法行政，加強普法宣傳工作，全年開展普法活動12場。"),
    "新闻（某单位供图）": ("法治是最好的营商环境。2024年以来，云溪市全面推进法治建设，为高质量发展提供法治保障。\n"
                          "云溪市开展“法律进企业”宣传活动。云溪市司法局供图\n高位推动部署\n云溪市高度重视全面依法治市工作。"),
    "年鉴（综述）": ("政治建设\n依法治市\n【综述】 2015年，云溪市推进全面依法治市，建设法治云溪，取消审批事项42项，"
                   "全市公安机关侦破案件1914件，检察机关审查起诉案件937件。"),
    "新闻（记者某日从某厅获悉）": ("记者今天(2月9日)从省司法厅获悉：2024年，云中省司法系统通过开展“春风行动”“情暖民工”等专项活动，"
                                  "全年共办理法律援助案件11.6万件，帮助4.7万名农民工讨薪8.2亿元。\n"
                                  "2024年，云中省司法行政系统扎实开展七大行动，法治成为云中发展的显著优势。\n维护社会安全稳定\n"
                                  "2024年，全省司法系统坚持和发展新时代枫桥经验，95%以上纠纷在镇村化解。"),
}


@pytest.mark.parametrize("name", sorted(NOT_REPORTS))
def test_not_a_report_gets_one_warning_and_nothing_else(name, national):
    result = check_text(NOT_REPORTS[name], national, "page.txt")
    assert [f.rule for f in result.findings] == [RULE]
    assert result.findings[0].severity == "warning" and "不是法治政府建设年度报告" in result.findings[0].message


def test_says_what_it_seems_to_be(national):
    message = check_text(NOT_REPORTS["解读"], national, "page.txt").findings[0].message
    assert "解读" in message
    message = check_text(NOT_REPORTS["目录"], national, "page.txt").findings[0].message
    assert "目录" in message


def test_a_report_is_a_report(national):
    result = check_text(report(), national, "r.txt")
    assert RULE not in {f.rule for f in result.findings}


def test_a_report_that_mentions_shufa_is_a_report(national):
    text = report(opening="2024年，云溪区坚持依法行政，实现党政主要负责人述法全覆盖。现将有关情况报告如下：")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_report_its_party_group_passed_is_a_report(national):
    """Session 13 (a held-out page): 经局党组会议研究通过，现报告如下 in the first line is a report's
    own sentence, not a headline on a meeting that reviewed a report."""
    text = ("根据市政府有关工作要求，我局对2024年法治政府建设工作情况进行了全面总结，经局党组会议研究通过，现报告如下。\n"
            "一、2024年度法治政府建设工作总体情况\n2024年，云溪区城市管理局坚持依法行政，全年审核执法案卷37件。\n"
            "二、存在的不足和原因\n执法规范化水平不高，主要是培训不足。")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_template_with_placeholders_is_still_a_report(national):
    text = ("××区人民政府20××年法治政府建设情况报告\n20××年，××区坚持依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n全年审核规范性文件××件。")
    rules = {f.rule for f in check_text(text, national, "template.txt").findings}
    assert RULE not in rules and "section-missing" in rules


def test_not_judged_as_a_report_anywhere(national, tmp_path):
    """No parts listed (nothing to be missing) and the text overview says why."""
    from checker.formats.text import render
    from checker.run.result import RunResult

    result = check_text(NOT_REPORTS["解读"], national, "page.txt")
    assert result.sections == [] and result.crossyear == {}
    out = render(RunResult(ruleset="national", reports=[result]), national)
    assert "不是法治政府建设年度报告，没有按报告逐项检查" in out and "各部分" not in out


def test_a_report_issued_under_a_document_number_is_a_report(national):
    """A 文号 line heads reports too (交法发〔2025〕31号): it does not make a notice."""
    text = "云交法发〔2025〕31号\n" + report()
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


@pytest.mark.parametrize("opening", [
    # a report whose opening dates a meeting, cites a plan, or is on a 范文-like site heading
    "2024年，云溪区坚持依法行政。12月8日，区政府常务会议审议了法治政府建设工作要点。现将有关情况报告如下：",
    "2024年，云溪区坚持依法行政，按照《云溪区法治政府建设实施方案》要求推进各项工作。现将有关情况报告如下：",
])
def test_a_report_that_mentions_meetings_and_plans_is_a_report(opening, national):
    text = report(opening=opening)
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_report_titled_over_two_lines_is_a_report(national):
    text = "云溪区人民政府2024年\n法治政府建设情况报告\n" + report().split("\n", 1)[1]
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_report_on_a_yearbook_styled_page_keeps_its_title(national):
    """A report title on top wins over any cue below it (【权威发布】 is a decoration, not an entry)."""
    text = "【权威发布】" + report()
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_run_in_report_under_a_site_decoration_is_a_report(national):
    """One 【…】 line heading a long run-in text is a decoration, not a yearbook entry."""
    text = ("【权威发布】云溪区2024年法治政府建设情况报告2024年，云溪区坚持以习近平法治思想为指导，"
            "全面推进依法行政，全年审核规范性文件37件。\n" + report().split("\n", 1)[1])
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_short_copy_of_a_report_under_its_record_block_is_a_report(national):
    # the directory's labels above a report whose copy is short (little prose ending in 。):
    # it announces itself and starts its first part, so it is the report, not a catalogue entry
    text = ("索引号：0001-2025-0012\n主题分类：教育\n发布机构：云溪区教委\n成文日期：2025-01-15\n发布日期：2025-01-15\n"
            "云溪区教育委员会关于2024年法治政府建设情况的报告\n"
            "在区委、区政府的坚强领导下，区教委依法全面履行职能。现将有关情况报告如下：\n"
            "一、2024年推进法治建设的主要举措和成效\n（一）加强组织领导。全年召开专题会议4次。")
    assert "not-a-report" not in {f.rule for f in check_text(text, national, "page.txt").findings}
    bare = text.split("\n在区委")[0]  # the record alone stays a catalogue entry
    assert "not-a-report" in {f.rule for f in check_text(bare, national, "page.txt").findings}


def test_a_report_starting_with_its_first_part_is_a_report(national):
    """A page cut above its opening starts with 一、: the first part's text is read instead, and
    a report's text there carries no cue."""
    text = "\n".join(report().split("\n")[1:])
    assert text.startswith("一、")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_short_text_that_never_names_the_subject_is_still_checked(national):
    """Too short to say what it is about (a fragment, a test snippet): judged as it stands."""
    text = "区农业农村局2024年度报告\n一、主要举措和成效\n全年新建高标准农田1.2万亩。"
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}
    # (session 14) titled 某局2024年工作总结, it says what it is: a body's whole-year summary
    summary = text.replace("2024年度报告", "2024年工作总结")
    assert RULE in {f.rule for f in check_text(summary, national, "r.txt").findings}


def test_a_report_that_names_its_subject_only_as_依法行政_is_a_report(national):
    """One of the subject words is enough, wherever it stands (an untitled copy, 依法行政 once)."""
    text = ("2024年，云溪区人民政府坚持依法行政，各项工作取得新进展。现将有关情况报告如下：\n"
            "一、2024年主要举措和成效\n（一）深化审批改革。全年办理审批事项12600件，按时办结率100%，"
            "新增“一件事一次办”事项18项，企业开办时间压缩到1个工作日。\n（二）规范文件管理。全年审核规范性文件37件，"
            "清理文件126件，废止9件。\n二、存在的不足和原因\n基层执法人员培训不足，执法文书不够规范。\n"
            "三、2025年工作安排\n6月底前出台执法监督办法，全年培训执法人员两轮。")
    assert "法治" not in text and len("".join(text.split())) >= 200
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_off_subject_says_what_it_seems_to_be(national):
    message = check_text(NOT_REPORTS["工作总结（另一主题）"], national, "page.txt").findings[0].message
    assert "另一主题" in message


def test_a_report_that_issues_nothing_and_announces_no_notice_is_a_report(national):
    """A report may mention documents it issued (印发《……》) and a 通报 it received; only the
    formulas of an issuing notice (印发给你们) or of a 通报 itself (现将……通报如下) mark another kind."""
    text = report(opening="2024年，云溪区坚持依法行政，印发《云溪区2024年法治政府建设工作要点》，"
                          "及时整改上级通报的问题。现将有关情况报告如下：")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


@pytest.mark.parametrize("title", [None, ""])
def test_a_report_whose_measures_name_an_event_day_is_a_report(title, national):
    """A dated event in a report's first part is a measure, not a news lead, with or without a title."""
    opening = "2024年，区林业局坚持依法行政，全面推进法治建设。现将有关情况报告如下："
    kwargs = {} if title is None else {"title": title}
    text = report(measures="6月30日，区林业局在云岭镇举办普法宣传月现场活动，发放资料1200份。",
                  opening=opening, **kwargs)
    assert RULE not in {f.rule for f in check_text(text, national, "report.txt").findings}


def test_a_report_citing_an_evaluation_or_a_few_english_words_is_a_report(national):
    text = report(opening="2024年，云溪区坚持依法行政，开展规范性文件实施后评估3件，引进WTO rules training for staff。"
                          "现将有关情况报告如下：")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


def test_a_report_whose_body_asks_the_standing_committee_to_review_is_a_report(national):
    """提请市人大常委会审议地方性法规草案 in the measures is work done, not news about the report."""
    text = report(measures="提请市人大常委会审议地方性法规草案6件，制定政府规章4件。全年审核规范性文件37件。")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


@pytest.mark.parametrize("opening", [
    "2024年，云溪区依法开展行政复议，认真研究处理区人大常委会审议意见，全年办理审议意见3件。现将有关情况报告如下：",
    "2024年，云溪区开展法治政府建设专题调研4次，落实调研发现的问题12项。现将有关情况报告如下：",
])
def test_a_report_that_mentions_review_opinions_or_surveys_is_a_report(opening, national):
    """Only a title that names the review opinions' handling, or an opening written at a survey
    notice's request, makes the other report; a report's own 审议意见 and 调研 are work done."""
    assert RULE not in {f.rule for f in check_text(report(opening=opening), national, "r.txt").findings}


def test_an_encyclopedia_copy_of_a_report_is_not_news(national):
    """A sentence that says who issued the report (《……报告》是某市人民政府发布的报告。) heads an
    encyclopedia's copy of the report, not a headline announcing it."""
    text = ("云溪区人民政府2024年法治政府建设情况报告\n"
            "《云溪区人民政府2024年法治政府建设情况报告》是2025年云溪区人民政府发布的报告。\n"
            + report().split("\n", 1)[1])
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}
    headline = "云溪区发布2024年法治政府建设情况报告\n近日，云溪区人民政府发布报告，总结全年工作。"
    assert RULE in {f.rule for f in check_text(headline, national, "page.txt").findings}


def test_a_report_whose_body_tells_of_a_visit_is_a_report(national):
    text = report(measures="5月13日，区长率队到云岭镇调研行政执法工作，现场解决问题3个。全年审核规范性文件37件。")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


@pytest.mark.parametrize("measures", [
    "10月24日，区长带领督查组到云岭镇督查行政执法工作，现场解决问题3个。全年审核规范性文件37件。",
    "据媒体报道，记者从区司法局获悉，全年审核规范性文件37件。",
    "本报告结合全年工作数据，全年审核规范性文件37件。",
])
def test_a_report_whose_body_tells_of_an_inspection_or_a_reporter_is_a_report(measures, national):
    """The round-10 clues are for a news lead or an article: a report with a title stays a report."""
    text = report(measures=measures)
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


# round 11: a work report made to a people's congress (政府工作报告, 人大常委会工作报告)
@pytest.mark.parametrize("text", [
    "云中市人大常委会副主任 李明\n各位代表：\n受市人大常委会委托，我向大会报告工作，请予审议。\n"
    "过去一年的主要工作\n一年来，常委会坚持依法履职，制定地方性法规7件，为法治云中建设提供保障。",
    "政府工作报告\n——2025年1月7日在云中市第八届人民代表大会第四次会议上\n各位代表：\n"
    "现在，我代表市人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n全市坚持依法行政，法治政府建设取得新进展。",
])
def test_a_work_report_to_a_peoples_congress_is_not_a_report(text, national):
    hits = [f for f in check_text(text, national, "page.txt").findings if f.rule == RULE]
    assert hits and "向人民代表大会所作的工作报告" in hits[0].message


@pytest.mark.parametrize("opening", [
    "2024年，区政府向区人大常委会报告法治政府建设情况2次，主动接受监督。现将有关情况报告如下：",
    "2024年，云溪区坚持依法行政，区长代表区政府向区人大常委会报告了年度工作。现将有关情况报告如下：",
])
def test_a_report_that_reports_to_the_congresss_standing_committee_is_a_report(opening, national):
    """Only 向大会报告工作 (a full congress's work report) is the clue, not reporting to its standing committee."""
    assert RULE not in {f.rule for f in check_text(report(opening=opening), national, "r.txt").findings}


# round 12: a record block above a report that starts at its own first part, with no 现将……报告如下
# (live-extra14 r40, live-extra13 r42): the part title is the report's, so the page is the report
def test_a_record_block_above_a_report_that_starts_at_its_first_part_is_a_report(national):
    record = "索引号：0001-2025-0022 发文时间：2025-02-28\n发布机构：云溪区司法局\n公开方式：主动公开 有效性：有效\n"
    text = (record + "标 题：云溪区2024年法治政府建设年度报告\n云溪区2024年法治政府建设年度报告\n"
            "2024年，云溪区坚持依法行政，统筹推进法治政府建设。\n"
            "一、2024年度推进法治政府建设的主要举措和成效\n（一）坚持党的领导。全年召开专题会议4次。")
    assert RULE not in {f.rule for f in check_text(text, national, "page.txt").findings}


def test_a_numbered_sentence_under_a_record_block_is_not_a_part_title(national):
    # a catalogue record of rules whose numbered clauses are sentences: still a catalogue entry
    text = ("索引号：0001-2024-0005\n主题分类：综合政务\n发文机关：云溪县人民政府\n成文日期：2024-04-06\n"
            "云溪县人民政府工作规则\n第一章 总则\n"
            "二、县政府工作的指导思想是，坚持依法行政，努力建设人民满意的法治政府、服务型政府\n")
    assert RULE in {f.rule for f in check_text(text, national, "page.txt").findings}


# round 13: kinds missed in the first runs of live-extra11…14, each seen on two pages or more
# (our own text; what must stay a report is tested beside each)
ROUND13_KINDS = [
    # a public notice or list of model units (公示, 名单如下)
    ("关于云溪区法治政府建设示范单位名单的公示\n为树立典型，经初审、评审，现将名单予以公示，接受社会监督。\n", "公示或名单"),
    ("近年来，全省各地加快法治政府建设，涌现出一批先进典型。经各市推荐，共评出先进单位12个。名单如下。\n云溪区司法局\n云溪区市场监管局\n", "公示或名单"),
    # a proposal to citizens
    ("创建法治政府建设示范市倡议书\n市民朋友们：\n建设法治政府是全面依法治国的重点任务。我们倡议：人人学法守法。\n", "倡议书"),
    # meeting news: a headline or lead saying where the meeting was held; a dateline run on to the lead
    ("云溪县政府法制工作会议在县城召开\n3月2日，云溪县政府法制工作会议在县城召开。会议总结去年依法行政工作，部署今年任务。\n", "新闻报道"),
    ("云溪网5月20日城关讯 5月19日上午，云溪县委依法治县办召开全体会议，总结2024年工作，部署今年重点工作。依法治县工作取得新进展。\n", "新闻报道"),
    # an information-disclosure annual report cut above its title
    ("一、总体情况\n2024年，云溪县林业局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法行政水平不断提高。\n"
     "二、主动公开政府信息情况\n全年公开信息120条。\n", "政府信息公开工作年度报告"),
    ("2024年，区人社局坚持依法行政，认真做好政府信息公开工作。本年报由概述、主动公开政府信息情况、收到和处理政府信息公开申请情况等七个部分组成。现将情况报告如下：\n"
     "一、总体情况\n全年公开信息120条。\n", "政府信息公开工作年度报告"),
]


@pytest.mark.parametrize("opening", [
    "2024年，云溪区坚持依法行政。3月2日，区政府召开法治政府建设工作会议，部署全年任务。现将有关情况报告如下：",
    "2024年，云溪区坚持依法行政，对行政执法人员名单予以公开，认真贯彻落实《政府信息公开条例》。现将有关情况报告如下：",
    "2024年，云溪区开展法治政府建设示范创建，向全区发出倡议书，召开会议12次。现将有关情况报告如下：",
    # round 15: a report mentions a decision, a leader's visit, a book and the half year in its own sentences
    "2024年，云溪区坚持依法行政。区政府作出关于命名依法行政示范单位的决定，上半年审核规范性文件12件。现将有关情况报告如下：",
    "2024年，云溪区坚持依法行政，4月9日市人大常委会副主任王明专题调研我区法治政府建设情况。现将有关情况报告如下：",
    "2024年，云溪区坚持依法行政，编写了本区法治建设蓝皮书，本网讯等栏目宣传法治工作。现将有关情况报告如下：",
])
def test_a_report_that_mentions_meetings_lists_decisions_visits_and_books_is_a_report(opening, national):
    assert RULE not in {f.rule for f in check_text(report(opening=opening), national, "r.txt").findings}


def test_a_report_whose_first_part_is_an_overview_is_a_report(national):
    text = ("一、总体情况\n2024年，云溪区坚持依法行政，统筹推进法治政府建设，全年召开专题会议4次，审核规范性文件37件。\n"
            "二、存在的不足和原因\n执法规范化水平不高。\n")
    assert RULE not in {f.rule for f in check_text(text, national, "r.txt").findings}


# round 13, after the live-extra15 run: a report on the 第一责任人 duty alone (live-extra15 n14, live-extra2 n08)
def test_a_report_on_the_first_responsible_duty_alone_is_not_a_report(national):
    text = ("2024年以来，云溪街道认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》，推进依法行政。"
            "现将我街道党政主要负责人落实法治建设第一责任人职责情况报告如下：\n"
            "一、主要负责人履行职责情况\n全年主持召开法治专题会议4次。\n")
    hits = [f for f in check_text(text, national, "page.txt").findings if f.rule == RULE]
    assert hits and "述法" in hits[0].message


def test_a_report_on_law_based_government_and_the_duty_is_a_report(national):
    opening = ("2024年，云溪区生态环境局坚持依法行政。现将云溪区生态环境局2024年度法治政府建设工作情况和"
               "主要负责人履行推进法治建设第一责任人职责情况报告如下：")
    assert RULE not in {f.rule for f in check_text(report(opening=opening), national, "r.txt").findings}


# round 15: kinds missed in the first runs of live-extra2…16 that recur across sets or rest on a
# standard convention of official or news writing (our own text; what must stay a report beside each)
@pytest.mark.parametrize("text, what", [
    # a decision naming model units: a 决定 is a document type of its own (also in a catalogue table row)
    ("云中市人民政府关于命名2024年度全市依法行政示范单位的决定\n各区县人民政府，市政府各部门：\n"
     "为推进法治政府建设，经评审，决定命名云溪区等5个单位为依法行政示范单位。\n", "通知、方案或其他文件"),
    ("索 引 号: | 主题分类: | 市政府文件 | |\n标 题: | 云政发〔2024〕3号 云中市人民政府关于命名示范单位的决定 | ||\n"
     "发布日期: | 2024-04-12 | |\n云政发〔2024〕3号 云中市人民政府关于命名示范单位的决定\n"
     "各区县人民政府：\n为推进依法行政，经评审，决定命名云溪区等5个单位为依法行政示范单位，希望受到命名的单位再接再厉。\n",
     "通知、方案或其他文件"),
    # a dateline in the news convention (本网讯, 本台讯)
    ("本网讯（王明）5月6日，云溪县法治政府建设推进会在县政府召开。县直各部门主要负责人参加会议。\n", "新闻报道"),
    ("本台讯 云溪区召开法治政府建设工作会议，总结去年工作，部署今年任务。\n", "新闻报道"),
    # a leader's visit: over several days, or by post and name without 率队
    ("7月16日至17日，省人大常委会副主任王明来到云溪县，就法治建设工作进行调研。\n"
     "在城关镇，王明一行实地察看了法治文化阵地。\n", "新闻报道"),
    ("市人大常委会副主任王明调研云溪区法治政府建设情况\n"
     "4月9日，市人大常委会副主任王明专题调研云溪区法治政府建设情况。座谈会上，区政府汇报了工作。\n", "新闻报道"),
    # a meeting news lead: 某某会在某地召开 (not only 会议), with a learners' site's pinyin read past
    ("6月15日，全市法治政府建设示范创(chuàng)建工作动(dòng)员部署会(huì)在云溪区(qū)召开(kāi)。"
     "会议要求各区县对标对表，补齐短板。\n", "新闻报道"),
    # a book blurb
    ("内容简介 本书梳理了云中省2023年法治建设的总体情况，分析了法治政府建设的进展与不足，并提出展望。\n",
     "图书或出版物的介绍"),
    ("中国法治政府评估报告（2023）\n定价：168元\n丛书名：法治政府蓝皮书\nISBN：9787500000000\n", "图书或出版物的介绍"),
    # a study's subtitle
    ("乡镇法治化综合改革的实践路径\n——以云中省为例\n王明（云中省司法厅）\n"
     "近年来，云中省全面推进基层依法行政，取得积极成效。\n", "研究文章"),
    # a half-year or quarterly work summary: its period as the first words, or in its title
    ("2024年上半年，在县委、县政府的正确领导下，我们围绕中心工作，推进依法行政，取得了新成效。\n"
     "一、法治政府建设统筹有力\n做好法治政府建设统筹谋划。\n", "半年或季度的工作总结"),
    ("云溪县司法局2024年上半年法治政府建设工作总结\n今年以来，我局坚持依法行政。现将上半年工作情况报告如下：\n"
     "一、主要工作\n审核规范性文件12件。\n", "半年或季度的工作总结"),
] + ROUND13_KINDS)
def test_pages_of_other_kinds_are_not_reports(text, what, national):
    hits = [f for f in check_text(text, national, "page.txt").findings if f.rule == RULE]
    assert hits and what in hits[0].message




@pytest.mark.parametrize("title", [
    "云溪区人民政府关于2024年度法治政府建设情况的报告",
    "云中市长寿区人民政府2024年法治政府建设情况报告",  # 市长 inside a place name is no leader's visit
])
def test_a_report_title_stays_a_report_title(title, national):
    assert RULE not in {f.rule for f in check_text(report(title=title), national, "r.txt").findings}


def test_the_pages_navigation_lines_do_not_count_among_the_head_lines(national):
    """A site's search box, column path and breadcrumb above the headline (a held-out page of
    session 17): the headline is read as a head line however many such lines stand above it."""
    nav = "高级检索\n首页\n研究资讯\n当前位置: 首页 -> 研究资讯 -> 正文\n"
    text = (nav + "云中省委依法治省办：强化述法工作 压实领导责任\n信息来源:《云中法治》2024年第1期 发布日期:2024-01-29\n"
            "党的二十大报告对法治建设提出新要求，各级领导干部肩负重要责任。\n一、强化思想引领，压实领导干部法治建设责任\n")
    hits = [f for f in check_text(text, national, "page.txt").findings if f.rule == RULE]
    assert hits and "述法" in hits[0].message
    assert RULE not in {f.rule for f in check_text(nav + report(), national, "r.txt").findings}


def test_a_report_cut_above_its_opening_that_tells_of_shufa_held_is_a_report(national):
    """A page that starts with the report's first part: the 述法 it tells of holding (a duty the
    report must cover) is no sign of a 述法 material; in a real opening the same words still are."""
    cut = ("一、2024年工作举措\n（一）切实履行推进法治建设第一责任人职责。组织召开全区述法评议会议，"
           "5个部门负责人现场述法，20个部门负责人书面述法。\n（二）全面履行政府职能。全年审核规范性文件37件。\n"
           "二、存在的不足和原因\n执法规范化水平不高，主要是培训不足。")
    assert RULE not in {f.rule for f in check_text(cut, national, "page.txt").findings}
    news = ("12月20日，云溪区组织召开全区述法评议会议，5个部门负责人现场述法，区委书记作点评。\n"
            "一、会议情况\n与会人员对述法情况进行了评议。")
    assert RULE in {f.rule for f in check_text(news, national, "page.txt").findings}


# A feature with none of a report's marks: no report title, no 现将……报告如下, no part heading,
# and none of its first sentences sums up a year.
UNMARKED = ("法治之路越走越宽\n"
            "走进云溪区政务服务中心，办事群众井然有序，窗口工作人员耐心解答各类咨询。"
            "这些变化的背后，是云溪区多年来坚持把法治思维贯穿政府工作全过程的结果。"
            "区里把规范性文件审核作为一道必经程序，凡是涉及群众切身利益的文件，都要经过合法性审查，"
            "还邀请法律顾问、人大代表和群众代表参加论证。执法人员走进社区、走进企业，面对面听取意见，"
            "一批群众反映强烈的问题在现场得到解决。“以前办一件事要跑好几个窗口，现在一次就能办好。”"
            "一位前来办理营业执照的市民说。法律顾问制度也从区级部门延伸到了乡镇和村居，"
            "基层干部遇到拿不准的问题，随时可以向法律顾问请教，依法办事的意识越来越强。")


def test_a_text_with_none_of_a_reports_marks_is_not_judged_as_a_report(national):
    assert len("".join(UNMARKED.split())) >= 200
    findings = check_text(UNMARKED, national, "page.txt").findings
    assert [f.rule for f in findings] == [RULE]
    assert "看不出是年度报告" in findings[0].message


@pytest.mark.parametrize("mark", [
    "云溪区人民政府2024年法治政府建设情况报告\n",            # a report title
    "2024年，云溪区坚持以习近平法治思想为指导。\n",            # an opening that sums up a year
    "今年以来，云溪区坚持以习近平法治思想为指导。\n",
    "2024年，在区委的坚强领导下，全区法治政府建设取得新进展。\n",
    # the year described first, then 一年来 (round 19)
    "2024年是全面深化改革的关键之年。一年来，云溪区坚持以习近平法治思想为指导。\n",
])
def test_one_of_a_reports_marks_is_enough(mark, national):
    findings = check_text(mark + UNMARKED.split("\n", 1)[1], national, "page.txt").findings
    assert RULE not in {f.rule for f in findings}


def test_a_part_heading_is_a_reports_mark(national):
    text = "一、2024年主要举措和成效\n" + UNMARKED.split("\n", 1)[1]
    assert RULE not in {f.rule for f in check_text(text, national, "page.txt").findings}


def test_a_short_unmarked_fragment_is_still_checked(national):
    text = UNMARKED.split("\n", 1)[1][:120]
    assert RULE not in {f.rule for f in check_text(text, national, "page.txt").findings}


def test_a_collected_piece_stays_a_model_text_page_when_its_title_is_cleaned(national):
    """第一篇：…… is cut from the metadata's title; the printed line still says what the page is."""
    text = "第一篇：云溪区教育局2024年度法治政府建设情况报告\n2024年，区教育局坚持依法行政。\n一、主要举措和成效\n全年审核文件12件。"
    result = check_text(text, national, "page.txt")
    assert result.metadata["title"] == "云溪区教育局2024年度法治政府建设情况报告"
    assert [f.rule for f in result.findings] == ["not-a-report"]


@pytest.mark.parametrize("text", [
    "云中市创新构建行政执法监督机制 打造法治政府建设新标杆",  # a lone headline
    "政府信息公开目录 部门政务公开 区住建局 法定主动公开内容 住房保障",  # a column path run together
    "区人民政府行政合法性审查工作流程图片",  # an image's caption
])
def test_a_page_that_is_only_a_headline_or_a_column_path(text, national):
    """Session 14 (five such pages among the tuned non-reports): no sentence, no title, no part."""
    findings = check_text(text, national, "page.txt").findings
    assert [f.rule for f in findings] == [RULE] and "没有报告正文" in findings[0].message


@pytest.mark.parametrize("text", [
    "全年成效显著，群众满意度大幅提升。",  # a sentence pasted to try a rule
    "云溪区人民政府2024年法治政府建设情况报告",  # a report's title alone: a report begun
    "一、主要举措和成效",  # a part heading
])
def test_a_short_text_with_a_sentence_title_or_part_is_still_checked(text, national):
    assert RULE not in {f.rule for f in check_text(text, national, "page.txt").findings}
