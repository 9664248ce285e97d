"""Vocabulary of the fictional 示例县 demo: unit names, activity rates, titles, places.

All names are plainly made up; rates are records per unit per year at scale 1.
"""

from __future__ import annotations

COUNTY = "示例县"
DEPARTMENT = "示例县委宣传部"
BUREAUS = ("示例县文化和旅游局", "示例县教育体育局", "示例县融媒体中心", "示例县司法局", "示例县卫生健康局")
SCHOOLS = ("示例县第一中学", "示例县第二中学", "示例县实验小学", "示例县职业技术学校")
TOWNS = ("城关镇", "东城街道", "西城街道", "青山镇", "白水乡", "石桥镇", "柳溪乡", "云岭镇", "双河镇", "杏林乡",
         "龙泉镇", "松坪乡")
VILLAGE_FIRST = "桃李杏梅竹松柏枫柳槐桂兰荷菊青白红金银石泉溪河湖塘岭坪坝湾沟山"
VILLAGE_SECOND = "园林源口坡岗庄家寨堡田湾峰岩头沿桥台"

TOWN_RATES = {
    "ideology_meeting": 4, "ideology_analysis": 4, "responsibility_letter": 1, "ideology_rules": 3,
    "center_group_study": 12, "study_seminar": 6, "group_study": 24, "party_lecture": 4, "study_notes": 20,
    "theory_lecture": 60, "policy_lecture": 30, "expert_lecture": 4, "display_board": 30, "slogan": 40,
    "ad_cleanup": 10, "practice_station": 24, "wechat_post": 180, "info_submission": 110, "media_national": 1,
    "media_provincial": 6, "media_city": 15, "media_county": 40, "feature_story": 4, "online_commentary": 30,
    "volunteer_activity": 48, "volunteer_team": 2, "model_selection": 2, "environment_campaign": 24,
    "civilized_unit": 1, "culture_event": 16, "film_screening": 12, "reading_event": 8, "venue_opening": 48,
    "cyber_meeting": 2, "cyber_promotion": 3, "cyber_inspection": 4, "staff_training": 3, "staffing": 1,
    "inspection": 6, "dispatch_meeting": 6, "assessment": 2,
}
VILLAGE_RATES = {
    "ideology_meeting": 1, "group_study": 12, "party_lecture": 2, "theory_lecture": 6, "policy_lecture": 4,
    "display_board": 4, "slogan": 4, "practice_station": 12, "volunteer_activity": 12, "environment_campaign": 12,
    "culture_event": 3, "film_screening": 6, "reading_event": 6, "ad_cleanup": 2, "study_notes": 6,
    "info_submission": 6, "cyber_promotion": 1,
}
DEPARTMENT_RATES = {
    "ideology_meeting": 6, "ideology_analysis": 4, "responsibility_letter": 1, "ideology_rules": 8,
    "center_group_study": 12, "study_seminar": 8, "group_study": 48, "party_lecture": 4, "theory_lecture": 120,
    "expert_lecture": 12, "wechat_post": 365, "info_submission": 200, "media_national": 12, "media_provincial": 40,
    "media_city": 80, "feature_story": 20, "online_commentary": 150, "volunteer_activity": 30, "model_selection": 4,
    "civilized_unit": 6, "culture_event": 20, "cyber_meeting": 4, "cyber_promotion": 6, "cyber_inspection": 6,
    "staff_training": 8, "staffing": 2, "inspection": 24, "dispatch_meeting": 12, "assessment": 4,
}
BUREAU_RATES = {
    "ideology_meeting": 4, "ideology_analysis": 2, "center_group_study": 12, "group_study": 24,
    "party_lecture": 4, "study_notes": 30, "policy_lecture": 24, "wechat_post": 120, "info_submission": 60,
    "media_city": 6, "volunteer_activity": 12, "cyber_meeting": 2, "cyber_inspection": 4, "staff_training": 2,
}
SCHOOL_RATES = {
    "group_study": 24, "party_lecture": 4, "theory_lecture": 10, "display_board": 12, "wechat_post": 60,
    "volunteer_activity": 12, "culture_event": 8, "reading_event": 12, "cyber_promotion": 2,
}

QUANTITY_RANGES = {
    "audience": (30, 300), "participants": (10, 60), "items": (2, 4), "original": (0, 2), "copies": (12, 40),
    "volunteers": (5, 40), "served": (20, 300), "members": (10, 40), "honorees": (3, 15), "readers": (10, 60),
    "hours": (4, 8), "visitors": (10, 80), "devices": (5, 30), "trainees": (20, 80), "people": (3, 15),
    "problems_found": (1, 8), "problems_fixed": (1, 8), "adopted": (0, 1),
}

TOPICS = ("党的二十届三中全会精神", "习近平新时代中国特色社会主义思想", "中央八项规定精神", "铸牢中华民族共同体意识",
          "乡村振兴政策", "反电信网络诈骗知识", "森林草原防灭火知识", "民法典", "移风易俗", "防范非法集资",
          "安全生产", "党纪学习教育", "国家安全教育", "生态文明建设")

TITLES = {
    "theory_lecture": ("{topic}专题宣讲", "“{topic}”宣讲进{short}", "{topic}“板凳课堂”宣讲"),
    "policy_lecture": ("{topic}政策宣讲", "“{topic}”法治宣传进{short}"),
    "expert_lecture": ("{topic}专题讲座", "{topic}辅导报告会"),
    "group_study": ("集中学习{topic}", "{month}月政治理论集中学习"),
    "center_group_study": ("党委理论学习中心组{month}月集中学习", "中心组专题学习{topic}"),
    "study_seminar": ("{topic}学习研讨", "{topic}专题研讨交流"),
    "party_lecture": ("“学习{topic}”专题党课",),
    "wechat_post": ("“{unit}发布”第{n}期", "“{unit}发布”第{n}期：{topic}"),
    "info_submission": ("报送{unit}{topic}工作信息",),
    "display_board": ("更新{topic}宣传展板",),
    "slogan": ("悬挂{topic}宣传标语",),
    "practice_station": ("新时代文明实践站“{topic}”主题活动", "文明实践“{short}夜校”活动"),
    "volunteer_activity": ("“学雷锋”志愿服务活动", "{short}人居环境志愿服务", "关爱留守儿童志愿服务"),
    "environment_campaign": ("{month}月人居环境整治", "“清洁家园”环境卫生整治"),
    "culture_event": ("“文化惠民”文艺演出", "{short}群众文艺汇演"),
    "film_screening": ("公益电影放映（{month}月）",),
    "reading_event": ("农家书屋“全民阅读”活动",),
    "cyber_promotion": ("网络安全宣传周主题活动", "网络安全知识进{short}"),
}
HIGHLIGHTS = (
    "创新采用“板凳课堂”形式，用群众听得懂的方言讲政策，现场互动热烈。",
    "活动被市级媒体专题报道，形成可复制经验。",
    "组织“小手拉大手”，带动家庭共同参与，覆盖面广。",
    "首次引入线上直播，线上线下同步参与。",
    "结合本地红色资源，打造沉浸式学习课堂。",
)
PARTICIPANTS = ("全体党员干部", "村“两委”班子成员及党员群众", "辖区群众", "志愿者及群众", "机关干部职工", "师生代表")

# How a plan sentence names each targeted indicator, and how hard the target is (x expected).
TARGET_PHRASES = {
    "theory_lecture": ("开展理论宣讲", 0.95), "policy_lecture": ("开展政策法规宣讲", 0.95),
    "wechat_post": ("微信公众号发布信息", 0.95), "info_submission": ("投送宣传信息", 1.05),
    "volunteer_activity": ("开展志愿服务活动", 0.95), "center_group_study": ("开展理论学习中心组集中学习", 0.9),
    "ideology_meeting": ("召开意识形态专题会议", 0.9), "media_provincial": ("在省级媒体刊发稿件", 1.15),
    "culture_event": ("组织开展群众文化活动", 1.02), "display_board": ("更新宣传展板", 0.9),
}
