# Answers of the search (src/knowledge/search/answer.ts). Facts come only from the cited sources.
search-answer-intro = 根据{ $source }：
search-answer-programme = 服务项目「{ $name }」（出处：{ $source }）：
search-source = { $where }《{ $title }》
search-source-issue = 第{ $issue }期
search-not-found = 没有在工会报和服务目录里找到能回答这个问题的内容。可以拨打职工服务热线 12351，或联系当地工会咨询。
search-not-found-region = 没有找到{ $place }的相关内容。可以拨打职工服务热线 12351，或联系{ $place }当地工会咨询。
search-not-found-detail = 找到了相关内容，但来源里没有写明您问的这一点（{ $detail }）。可以拨打职工服务热线 12351，或联系当地工会咨询。
search-sample = 【示例数据】
search-fact-money = 金额
search-fact-count = 数量
search-fact-phone = 电话
search-fact-date = 时间
search-fact-place = 地点
search-fact-person = 人名
search-source-title = 《{ $title }》
search-fact-day = 具体日期
search-fact-year = 年份
