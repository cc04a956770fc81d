# Newspaper digests and subscriptions (issue 6). Messages are Telegram HTML; variables are escaped by the code.
digest-paper-unknown = Union newspaper digest
digest-issue-number = No. { $number }
digest-intro = { $count ->
    [one] 1 article in this issue matches your subscription:
   *[other] { $count } articles in this issue match your subscription:
}
digest-read-button = 📖 { $n }. { $title }
digest-footer = Change /settings · /pause · /unsubscribe
digest-article-gone = This article can no longer be found; it may have been withdrawn.
digest-article-source = Source: { $paper } { $date } { $issue } “{ $title }”

digest-topic-stations_outdoor = Stations and outdoor work
digest-topic-hardship_medical = Hardship and medical aid
digest-topic-training_jobs = Training and jobs
digest-topic-rights_law = Rights and law
digest-topic-all = All news

digest-command-subscribe = Subscribe to union newspaper digests
digest-command-settings = See and change my subscription
digest-command-pause = Pause newspaper digests
digest-command-resume = Resume newspaper digests
digest-command-unsubscribe = Unsubscribe from newspaper digests

digest-sub-topics-prompt =
    <b>Newspaper digest subscription</b> (step 1/4)
    Choose what you care about (several are fine), then tap “Next”:
digest-sub-next = Next ➡️
digest-sub-pick-one = Please choose at least one
digest-sub-region-prompt =
    (step 2/4) Which province, city or county are you in? Type a name, e.g. “Hangzhou”, “余杭区”, “淮安”.
    With a region you get national news and news from your area only. Tap “Skip” for no region.
digest-sub-region-unknown = I could not find “{ $name }”. Try another spelling (e.g. “杭州市”, “余杭区”), or tap “Skip”.
digest-sub-keywords-prompt =
    (step 3/4) Optional: type one to three short keywords separated by spaces or commas, e.g. “快递 高温”.
    Articles containing them are sent to you too. Tap “Skip” if you need none.
digest-sub-keywords-invalid = Keywords must be short plain words (at most 3, each at most 10 characters), separated by spaces or commas, e.g. “快递 高温”. Tap “Skip” if you need none.
digest-sub-delivery-prompt =
    (step 4/4) When should digests reach you?
    Quiet hours are { $quietStart }–{ $quietEnd }: digests of issues published then arrive after { $quietEnd }.
digest-sub-delivery-now = As soon as published
digest-sub-delivery-daily = Daily at { $time }
digest-skip = Skip
digest-sub-saved =
    ✅ You are subscribed!
    { $summary }

    Send /settings to change it, /pause to pause, /unsubscribe to stop.
digest-sub-cancelled = Left the subscription settings; nothing was changed.
digest-sub-left = Left the subscription settings; nothing was changed. Send /subscribe when you want to subscribe.
digest-sub-timeout = The subscription settings timed out and were closed; nothing was changed. Send /subscribe to start again.

digest-settings-summary =
    Topics: { $topics }
    Region: { $region }
    Keywords: { $keywords }
    Delivery: { $delivery }
    Quiet hours: { $quietStart }–{ $quietEnd }
    Status: { $status }
digest-region-any = any
digest-keywords-none = none
digest-delivery-immediate = as soon as published
digest-delivery-daily = daily at { $time }
digest-status-active = receiving
digest-status-paused = paused (send /resume)
digest-status-inactive = stopped: you blocked the bot (subscribe again to restart)
digest-settings-header = <b>My newspaper subscription</b>
digest-settings-none = You have no newspaper digest subscription. Send /subscribe or tap the button below.
digest-settings-edit = ✏️ Change
digest-settings-pause = ⏸ Pause
digest-settings-resume = ▶️ Resume
digest-settings-unsubscribe = 🚫 Unsubscribe
digest-subscribe-button = 📰 Subscribe
digest-paused = Paused. Digests of issues published meanwhile are kept for you and arrive after /resume.
digest-resumed = Newspaper digests resumed.
digest-unsubscribed = Unsubscribed: no more newspaper digests. Send /subscribe any time to come back.
digest-not-subscribed = You have no subscription. Send /subscribe to get newspaper digests.

digest-admin-only = Sorry, only union staff can publish issues and see delivery status. For help call the workers' hotline 12351.
digest-admin-wrong-type = Please send an issue file: a .txt text of a whole issue, or one .md story with YAML front matter.
digest-admin-too-big = The file is too big (over { $mb } MB); please split it.
digest-admin-name-too-long = The file name is too long ({ $length } characters; at most { $max }). Please rename the file and send it again.
digest-admin-download-failed = Could not download the file; please send it again later.
digest-admin-published = ✅ Published { $issue } ({ $articles } articles); digests queued for { $queued } subscribers. Send /stats to follow.
digest-admin-already = This issue ({ $issue }) was already published on { $when }; nothing was sent again.
digest-admin-refused =
    Could not publish this file; nothing was stored:
    { $error }
digest-stats =
    <b>Newspaper digest delivery</b>
    Subscribers: { $active } receiving, { $paused } paused, { $inactive } blocked the bot
    Digests: { $queued } queued ({ $due } due now), { $sending } sending, { $sent } delivered, { $failed } failed, { $unconfirmed } unconfirmed
    Rate: { $rate } messages/s over the last minute
digest-stats-issue = • { $issue }: { $sent }/{ $total } delivered, { $queued } queued, { $failed } failed, { $unconfirmed } unconfirmed
digest-stats-no-issues = No issue has been published yet.
digest-held-quiet-hours = Quiet hours now: digests are held until { $time } (quiet hours).
