# Answers of the search (src/knowledge/search/answer.ts). Facts come only from the cited sources; quoted text stays in Chinese.
search-answer-intro = From { $source } (quoted in Chinese):
search-answer-programme = Union programme "{ $name }" (source: { $source }), quoted in Chinese:
search-source = { $where }, “{ $title }”
search-source-issue = issue { $issue }
search-not-found = The union newspaper and the programme catalogue do not answer this question. Call the workers' hotline 12351 or ask your local trade union.
search-not-found-region = Nothing was found for { $place }. Call the workers' hotline 12351 or ask the local trade union in { $place }.
search-not-found-detail = Related content was found, but the sources do not state what you asked ({ $detail }). Call the workers' hotline 12351 or ask your local trade union.
search-sample = [SAMPLE DATA]
search-fact-money = an amount
search-fact-count = a number
search-fact-phone = a phone number
search-fact-date = a date
search-fact-place = a place
search-fact-person = a name
search-source-title = “{ $title }”
search-fact-day = a day
search-fact-year = a year
