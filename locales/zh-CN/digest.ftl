# Newspaper digests and subscriptions (issue 6). Messages are Telegram HTML; variables are escaped by the code.
digest-paper-unknown = 工会报摘要
digest-issue-number = 总第{ $number }期
digest-intro = 本期有 { $count } 篇与你订阅的内容相关：
digest-read-button = 📖 { $n }. { $title }
digest-footer = 修改订阅 /settings · 暂停 /pause · 退订 /unsubscribe
digest-article-gone = 这篇文章已经找不到了，可能已被撤下。
digest-article-source = 来源：{ $paper } { $date } { $issue }《{ $title }》

digest-topic-stations_outdoor = 驿站与户外劳动
digest-topic-hardship_medical = 困难帮扶与医疗救助
digest-topic-training_jobs = 培训与就业
digest-topic-rights_law = 维权与法律
digest-topic-all = 全部新闻

digest-command-subscribe = 订阅工会报摘要
digest-command-settings = 查看和修改我的订阅
digest-command-pause = 暂停接收工会报摘要
digest-command-resume = 恢复接收工会报摘要
digest-command-unsubscribe = 退订工会报摘要

digest-sub-topics-prompt =
    <b>订阅工会报摘要</b>（第 1/4 步）
    选择你关心的内容，可以多选，选好后点“下一步”：
digest-sub-next = 下一步 ➡️
digest-sub-pick-one = 请至少选择一项
digest-sub-region-prompt =
    （第 2/4 步）你在哪个省、市或区县？输入地名，比如“杭州”“余杭区”“淮安”。
    选了地区，就只收到全国性新闻和你所在地区的新闻。不想限定就点“跳过”。
digest-sub-region-unknown = 没有找到“{ $name }”这个地方。请换个写法（比如“杭州市”“余杭区”），或点“跳过”。
digest-sub-keywords-prompt =
    （第 3/4 步）可选：输入一到三个简短的关键词，用空格或逗号分开，比如“快递 高温”。
    含有这些词的文章也会发给你。不需要就点“跳过”。
digest-sub-keywords-invalid = 关键词请用简短的字词（最多 3 个，每个不超过 10 个字），用空格或逗号分开，比如“快递 高温”。不需要就点“跳过”。
digest-sub-delivery-prompt =
    （第 4/4 步）什么时候发给你？
    晚上 { $quietStart } 到早上 { $quietEnd } 不打扰：这段时间出刊的摘要会在早上 { $quietEnd } 以后送达。
digest-sub-delivery-now = 出刊后马上发
digest-sub-delivery-daily = 每天 { $time }
digest-skip = 跳过
digest-sub-saved =
    ✅ 订阅好了！
    { $summary }

    随时发送 /settings 修改，/pause 暂停，/unsubscribe 退订。
digest-sub-cancelled = 已退出订阅设置，没有保存更改。
digest-sub-left = 已退出订阅设置，没有保存更改。需要订阅时再发送 /subscribe。
digest-sub-timeout = 订阅设置太久没有回复，已经自动结束，没有保存更改。需要时发送 /subscribe 重新开始。

digest-settings-summary =
    内容：{ $topics }
    地区：{ $region }
    关键词：{ $keywords }
    发送：{ $delivery }
    免打扰：{ $quietStart }–{ $quietEnd }
    状态：{ $status }
digest-region-any = 不限
digest-keywords-none = 无
digest-delivery-immediate = 出刊后马上发
digest-delivery-daily = 每天 { $time }
digest-status-active = 正在接收
digest-status-paused = 已暂停（发送 /resume 恢复）
digest-status-inactive = 已停止：你屏蔽了机器人（重新订阅即可恢复）
digest-settings-header = <b>我的工会报订阅</b>
digest-settings-none = 你还没有订阅工会报摘要。发送 /subscribe 或点下面的按钮订阅。
digest-settings-edit = ✏️ 修改订阅
digest-settings-pause = ⏸ 暂停
digest-settings-resume = ▶️ 恢复
digest-settings-unsubscribe = 🚫 退订
digest-subscribe-button = 📰 订阅工会报
digest-paused = 已暂停。暂停期间出刊的摘要先替你留着，发送 /resume 恢复后送达。
digest-resumed = 已恢复接收工会报摘要。
digest-unsubscribed = 已退订，不会再收到工会报摘要。想再订阅随时发送 /subscribe。
digest-not-subscribed = 你还没有订阅。发送 /subscribe 订阅工会报摘要。

digest-admin-only = 抱歉，只有工会工作人员可以发布报纸和查看发送情况。有问题可以拨打职工服务热线 12351。
digest-admin-wrong-type = 请发送报纸文件：.txt 文字版整期报纸，或带 YAML 头的 .md 单篇稿件。
digest-admin-too-big = 文件太大（超过 { $mb } MB），请拆分后再发。
digest-admin-name-too-long = 文件名太长（{ $length } 个字，最多 { $max } 个字），请改个短一点的文件名再发。
digest-admin-download-failed = 没能下载这个文件，请稍后再发一次。
digest-admin-published = ✅ 已发布 { $issue }（{ $articles } 篇文章），已为 { $queued } 位订阅者排队发送摘要。发送 /stats 查看进度。
digest-admin-already = 这一期（{ $issue }）在 { $when } 已经发布过，这次没有重复发送。
digest-admin-refused =
    无法发布这个文件，没有保存任何内容：
    { $error }
digest-stats =
    <b>工会报摘要发送情况</b>
    订阅者：{ $active } 人接收中，{ $paused } 人暂停，{ $inactive } 人已屏蔽机器人
    摘要：排队 { $queued }（其中现在可发 { $due }），发送中 { $sending }，已送达 { $sent }，失败 { $failed }，未确认 { $unconfirmed }
    速度：最近一分钟 { $rate } 条/秒
digest-stats-issue = • { $issue }：已送达 { $sent }/{ $total }，排队 { $queued }，失败 { $failed }，未确认 { $unconfirmed }
digest-stats-no-issues = 还没有发布过任何一期。
digest-held-quiet-hours = 现在是免打扰时段：摘要暂不发送，{ $time } 以后发出。
