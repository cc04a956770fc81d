# Bot core: /start, /help, /lang, /privacy, /forget, answers, errors. Messages are Telegram HTML.
bot-start-welcome =
    你好！我是<b>娘家</b>，工会放在你口袋里的小助手。
    我可以帮你：
    • 找附近开着门的户外劳动者驿站（热饭、充电、喝水、歇脚）
    • 看看你能申请哪些帮扶、补助和免费培训，下一步该怎么办
    • 订阅工会报摘要
    • 回答关于工会服务的问题，并告诉你出处

    直接打字提问就行，比如“余杭哪里能热饭充电？”。点下面的按钮也可以。
bot-menu-stations = 📍 找驿站
bot-menu-find = 🧾 我能申请什么
bot-menu-subscribe = 📰 订阅工会报
bot-menu-ask = 💬 问个问题
bot-menu-ask-prompt = 请直接输入你的问题，比如：“没工作了有免费培训吗？”或“看病自己花了四千多，工会能兜底吗？”
bot-menu-private-only = 这个功能请私聊我使用：点我的头像，再点“发消息”。
bot-menu-not-ready = 这个功能还在准备中。你可以先直接打字提问，或拨打职工服务热线 12351。

bot-help-header = <b>娘家能做什么</b>
bot-help-footer = 不用命令也可以：直接打字提问，我会从工会报和服务目录里找答案并注明出处。找不到时可拨打职工服务热线 12351。
bot-command-start = 开始使用，显示主菜单
bot-command-help = 查看帮助和所有命令
bot-command-lang = 切换语言（中文 / English）；也可以直接发送 /lang en 或 /lang zh
bot-command-privacy = 我们保存了什么、为什么保存
bot-command-forget = 删除关于我的全部数据

bot-lang-choose = 请选择语言 / Choose a language:
bot-lang-changed = 好的，以后用中文和你交流。
bot-lang-unknown = 不支持这种语言。

bot-privacy =
    <b>隐私说明</b>
    我们只保存提供服务所需要的最少信息：
    • 你的 Telegram 用户编号和你选的语言；
    • 最近一次提问找到的结果（用来打开“查看详情”按钮，不保存问题原文）；
    • 你正在进行中的对话步骤（例如申请条件的问答），对话结束后即清除，中途不再回复的最迟约35分钟后自动清除；
    • 你主动订阅的内容和你主动要求记住的信息。
    收入、疾病、残疾等敏感回答只用于当次判断，不会长期保存。
    答不上来的问题（没找到答案，或只找到相关内容）会不记名保存 90 天，帮助工会补充解答：不保存你的用户编号，电话号码、身份证号和金额会被遮盖；因为无法对应到你本人，/forget 不会也无法删除这些记录，90 天后自动删除。
    不会把你的信息交给第三方。发送 /forget 可以随时删除关于你的全部数据。

bot-forget-confirm = 确定要删除关于你的全部数据吗？包括语言设置、订阅、对话进度和记住的信息。删除后无法恢复。
bot-forget-yes = 是的，全部删除
bot-forget-no = 取消
bot-forget-done = 已删除关于你的全部数据。需要时随时发送 /start 重新开始。
bot-forget-cancelled = 好的，什么都没有删除。

bot-error = 抱歉，出了点问题，请稍后再试。如果急需帮助，请拨打职工服务热线 12351。
bot-busy = 现在系统有点忙，刚才这一步没能保存。请过一两分钟再发一次，不用重新开始。如果急需帮助，请拨打职工服务热线 12351。
bot-rate-limited = 消息有点多，我跟不上了😅 请稍等几秒再发。
bot-unhandled-message = 我暂时只能看懂文字消息和位置。请用文字描述你的问题，或发送 /help 查看我能做什么。
bot-unhandled-command = 没有这个命令。发送 /help 查看所有命令。
bot-unhandled-callback = 这个按钮已经失效了，请重新提问或发送 /start。

bot-ask-too-long = 问题太长了（{ $length } 个字）。请用 { $max } 个字以内说清楚你想问什么。
bot-ask-sources = <b>来源：</b>
bot-ask-related = <b>可能相关（不是确定的答案）：</b>
bot-ask-open-hint = 点下面的按钮查看详情。
bot-ask-not-found-menu = 你也可以试试下面的功能：
bot-ask-failed = 抱歉，查询资料时出了问题，请稍后再试，或拨打职工服务热线 12351。
bot-hit-kind-programme = 服务项目
bot-hit-kind-article = 报道
bot-hit-kind-station = 驿站
bot-hit-kind-faq = 工会解答
bot-hit-source = 来源：{ $source }
bot-hit-expired = 这个结果已经过期了，请重新提问。
bot-source-unknown = 来源信息不全
bot-source-issue = 第 { $issue } 期
bot-source-undated = （日期不详）
bot-source-staff = 工会工作人员撰写（{ $author }，{ $date }）

# Local console chat (no BOT_TOKEN). Plain text, not HTML.
bot-console-intro =
    这是本地控制台聊天：和 Telegram 上的机器人完全一样，但没有连接 Telegram，只在这台电脑上运行。
    要连接 Telegram：从 @BotFather 获取令牌，写入 .env 文件的 BOT_TOKEN=...，再运行 npm start。
    用法：直接输入文字提问；输入按钮前的数字来点按钮；/loc 纬度 经度 发送位置（例如 /loc 30.27 120.15）；/quit 退出。
bot-console-bad-location = 位置格式不对。用法：/loc 纬度 经度，例如 /loc 30.27 120.15（纬度 -90 到 90，经度 -180 到 180）。
bot-console-edited = （消息已更新）
bot-console-edited-explained = （消息已更新：机器人改写了它之前发的一条消息，下面是改后的内容；在 Telegram 里是原来那条消息直接变成这样，不会多出一条。以后只标“（消息已更新）”。）
bot-console-bye = 再见！

# Programme cards (the "details" button of a service).
bot-answer-programme = 服务项目：<b>{ $name }</b>
bot-card-ended = 注意：据报道，这个项目已经结束，请向当地工会确认现在是否还有。
bot-card-provider = 提供方：
bot-card-region = 地区：
bot-card-audience = 对象：
bot-card-benefits = 内容：
bot-card-eligibility = 条件：
bot-card-apply = 怎么申请：
bot-card-contact = 联系方式：
bot-card-period = 时间：
bot-card-ask-union = 报道没有写申请方式，请向当地工会或拨打职工服务热线 12351 咨询。
bot-card-quote = 原文：「{ $quote }」
# Never shown in Chinese (every field exists in Chinese); kept so both locales have the same keys.
programme-chinese-only = {""}
bot-command-cancel = 结束正在进行的问答（查资格、订阅），不保存
bot-cancel-nothing = 现在没有正在进行的问答，不需要取消。直接打字提问，或发送 /help 查看能做什么。

# Small talk: a message that is only a greeting, thanks, goodbye, "ok" or a request for a person.
bot-small-talk-greeting = 在的！我是娘家，工会的小助手。直接打字说你的问题就行，比如“余杭哪里能热饭充电？”或“没工作了有免费培训吗？”，也可以点下面的按钮。
bot-small-talk-thanks = 不客气！还有别的问题随时问我。急事可以拨打职工服务热线 12351。
bot-small-talk-goodbye = 再见！有需要随时回来找娘家。
bot-small-talk-ack = 好的。还有别的问题，直接打字问我就行。
bot-small-talk-person = 我是自动回复的小助手，这里没有人工客服。要和工会的工作人员说话，请拨打职工服务热线 12351，或联系当地工会。
