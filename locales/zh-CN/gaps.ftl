# /gaps (staff only): questions the sources could not answer (src/bot/features/gaps.ts).
gaps-admin-only = 这个命令只供工会工作人员使用。
gaps-empty = 最近 { $days } 天没有答不上来的问题。
gaps-heading = <b>答不上来的问题</b>（最近 { $days } 天，共 { $total } 个，{ $groups } 组，问得最多的在前）：
gaps-group = { $count } 次（仅相关 { $related }，没找到 { $none }），最近一次 { $last }
gaps-no-concept = （没有认出内容词）
gaps-footer = 可以为常问的问题写工会解答（data/faq），或在 data/dict/thesaurus.yaml 里加职工的说法。完整列表：npm run --silent cli -- gaps
