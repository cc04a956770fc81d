# Bot core: /start, /help, /lang, /privacy, /forget, answers, errors. Messages are Telegram HTML.
bot-start-welcome =
    Hello! I am <b>Niangjia</b> (娘家), your trade union in your pocket.
    I can help you:
    • find the nearest open outdoor-worker station (heat food, charge, water, rest)
    • see which aid, allowances and free training you can apply for, and what to do next
    • subscribe to digests of the union newspaper
    • answer questions about union services, citing the source

    Just type a question, e.g. "Where in Yuhang can I heat food and charge my phone?", or use the buttons below.
bot-menu-stations = 📍 Find a station
bot-menu-find = 🧾 What can I apply for
bot-menu-subscribe = 📰 Union paper digest
bot-menu-ask = 💬 Ask a question
bot-menu-ask-prompt = Just type your question, e.g. "Is there free training for the unemployed?" or "I paid 4,000 yuan for treatment myself; can the union help?"
bot-menu-private-only = Please use this in a private chat with me: tap my name, then "Send message".
bot-menu-not-ready = This feature is not ready yet. You can type a question, or call the workers' hotline 12351.

bot-help-header = <b>What Niangjia can do</b>
bot-help-footer = No command needed: just type a question and I will look in the union newspaper and the service catalogue and cite the source. If nothing answers it, call the workers' hotline 12351.
bot-command-start = Start and show the main menu
bot-command-help = Help and all commands
bot-command-lang = Switch language (中文 / English); or send /lang en or /lang zh directly
bot-command-privacy = What we store and why
bot-command-forget = Erase everything stored about me

bot-lang-choose = 请选择语言 / Choose a language:
bot-lang-changed = OK, I will talk to you in English from now on.
bot-lang-unknown = This language is not supported.

bot-privacy =
    <b>Privacy</b>
    We keep only what the service needs:
    • your Telegram user id and the language you chose;
    • the results found for your last question (for the "details" buttons; the question itself is not kept);
    • the step you are at in a conversation in progress (e.g. an eligibility check), cleared when it ends, or about 35 minutes after you stop replying;
    • what you subscribed to and what you explicitly asked us to remember.
    Sensitive answers (income, illness, disability) are used for that one check and not kept.
    Questions we could not answer (nothing found, or only related passages) are kept anonymously for 90 days so the union can add answers: without your user id, with phone numbers, ID-card numbers and amounts masked. Since they cannot be linked to you, /forget does not (and cannot) erase them; they are deleted after 90 days.
    Nothing is passed to third parties. Send /forget at any time to erase everything stored about you.

bot-forget-confirm = Erase everything stored about you? This includes your language, subscriptions, conversations in progress and remembered facts. It cannot be undone.
bot-forget-yes = Yes, erase everything
bot-forget-no = Cancel
bot-forget-done = Everything stored about you has been erased. Send /start whenever you want to begin again.
bot-forget-cancelled = OK, nothing was erased.

bot-error = Sorry, something went wrong. Please try again later. If you need help urgently, call the workers' hotline 12351.
bot-busy = The system is busy right now and your last step could not be saved. Please send it again in a minute or two; there is no need to start over. If you need help urgently, call the workers' hotline 12351.
bot-rate-limited = That is a lot of messages at once 😅 Please wait a few seconds before sending more.
bot-unhandled-message = For now I understand text messages and locations. Please describe your question in words, or send /help to see what I can do.
bot-unhandled-command = There is no such command. Send /help to see all commands.
bot-unhandled-callback = This button has expired. Please ask again or send /start.

bot-ask-too-long = Your question is too long ({ $length } characters). Please keep it under { $max } characters.
bot-ask-sources = <b>Sources:</b>
bot-ask-related = <b>May be related (not a confirmed answer):</b>
bot-ask-open-hint = Tap a button below for details.
bot-ask-not-found-menu = You can also try:
bot-ask-failed = Sorry, looking up the sources failed. Please try again later, or call the workers' hotline 12351.
bot-hit-kind-programme = Service
bot-hit-kind-article = Article
bot-hit-kind-station = Station
bot-hit-kind-faq = Staff answer
bot-hit-source = Source: { $source }
bot-hit-expired = This result has expired. Please ask again.
bot-source-unknown = source details incomplete
bot-source-issue = issue { $issue }
bot-source-undated = (date unknown)
bot-source-staff = written by union staff ({ $author }, { $date })

# Local console chat (no BOT_TOKEN). Plain text, not HTML.
bot-console-intro =
    This is the local console chat: the same bot as on Telegram, running only on this computer, not connected to Telegram.
    To connect to Telegram: get a token from @BotFather, put BOT_TOKEN=... in the .env file, and run npm start again.
    Usage: type a question; type a button's number to press it; /loc LAT LON sends a location (e.g. /loc 30.27 120.15); /quit exits.
bot-console-bad-location = Wrong location format. Usage: /loc LAT LON, e.g. /loc 30.27 120.15 (latitude -90 to 90, longitude -180 to 180).
bot-console-edited = (message updated)
bot-console-edited-explained = (message updated: the bot changed one of its earlier messages; below is the new version. In Telegram the earlier message itself changes, no new message appears. From now on this is only marked "(message updated)".)
bot-console-bye = Bye!

# Programme cards (the "details" button of a service). Content stays in Chinese as printed.
bot-answer-programme = Union programme: <b>{ $name }</b>
bot-card-ended = Note: according to the source this programme has ended. Check with your local union whether it is still available.
bot-card-provider = Provider:{" "}
bot-card-region = Area:{" "}
bot-card-audience = For:{" "}
bot-card-benefits = What you get:
bot-card-eligibility = Conditions:{" "}
bot-card-apply = How to apply:{" "}
bot-card-contact = Contact:{" "}
bot-card-period = When:{" "}
bot-card-ask-union = The source does not say how to apply; ask your local union or call the workers' hotline 12351.
bot-card-quote = Source text (Chinese): 「{ $quote }」
programme-chinese-only = (only available in Chinese)
bot-command-cancel = End the questions in progress (eligibility check, subscription) without saving
bot-cancel-nothing = There are no questions in progress, nothing to cancel. Just type a question, or send /help to see what I can do.

# Small talk: a message that is only a greeting, thanks, goodbye, "ok" or a request for a person.
bot-small-talk-greeting = Hi, I'm here! I'm Niangjia, the union's assistant. Just type your question, e.g. "Where in Yuhang can I heat food and charge my phone?" or "Is there free training if I lost my job?", or use the buttons below.
bot-small-talk-thanks = You're welcome! Ask me anything else any time. If it is urgent, call the workers' hotline 12351.
bot-small-talk-goodbye = Goodbye! Come back to Niangjia whenever you need.
bot-small-talk-ack = OK. If you have another question, just type it.
bot-small-talk-person = I am an automatic assistant; there is no live agent in this chat. To talk to union staff, call the workers' hotline 12351 or contact your local union.
