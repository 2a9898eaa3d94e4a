"""The verbs and adverbs that begin a phrase, never a place's name: 通过召开区人民政府常务会议,
现将市人社局……, 依托镇平安办 read like a place and an organ, and a place chain or a town's
name with one of these words in it is a phrase.  Shared by the readings of full names
(``subject``) and of a town named in the text (``shortform``)."""
from __future__ import annotations

from checker.read.lazy_pattern import lazy

# A verb or adverb before a short form (通过召开区人民政府常务会议, 现将市人社局……, 加强乡镇……)
# reads like a place chain: a chain with one of these words in it is a phrase.
VERBISH = lazy(r"按照|根据|依据|贯彻|关于|通过|召开|围绕|紧密|现将|加强|充分|发挥|推进|落实|深入|全面|持续|严格|积极|认真|主动|组织|"
               r"开展|建立|健全|完善|印发|制定|结合|聚焦|坚持|对照|协调|配合|督促|指导|支持|研究|邀请|提请|"
               r"报请|报送|协助|会同|联合|参加|参与|承办|举办|明确|完成|实现|确保|提升|提高|强化|优化|规范|保障|"
               r"促进|压实|督查|组建|成立|设立|牵头|统筹|督导|服务|加快|推动|做好|抓好|依托|借助|接受|报告|"
               r"汇报|提交|上报|经过|获得|荣获|获评|得到|听取|审议|学习|召集|配备|选派|派出|"
               r"划入|划出|划转|整合|撤并|"  # an institutional reform's verbs (划入区建设局……职责)
               r"乡镇|镇街|街镇|县区|区县|市县|省市|各级")
