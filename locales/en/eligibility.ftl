# Eligibility reasons (src/knowledge/eligibility/reasons.ts). Plain text, not HTML.
# Labels, areas, period texts and quotes come from the catalogue and are inserted as written (Chinese).
# $quote, $scope and $only are empty in the short form (the help-finding summary).
elig-quote = . Source: “{ $source }”
elig-scope = {" "}(area: { $text })
elig-only = {" "}(the source only says: “{ $source }”)
elig-value-yes = yes
elig-value-no = no
elig-value-over = over { $value }
elig-value-under = under { $value }

elig-region-ok = Area matches: this programme is for { $area }{ $scope }
elig-region-no = Area does not match: you are in { $where }, this programme is only for { $area }{ $scope }
elig-region-open = Not known yet whether you are in { $area }: this programme is only for { $area }{ $scope }
elig-unstated = The source does not say: { $text }{ $only }
elig-everyone = { $label }{ $quote }
elig-unknown = Not known yet whether you meet “{ $label }”{ $quote }
elig-met = Meets “{ $label }” (your answer: { $value }){ $quote }
elig-vague = Needs confirming: “{ $label }” (your answer: { $value }){ $quote }
elig-undecidable = Cannot tell whether you meet “{ $label }” (your answer: { $value }): { $why }{ $quote }
elig-not-met = Does not meet “{ $label }” (your answer: { $value }){ $quote }
elig-period-ok = Dates match: { $date } is within “{ $text }”
elig-period-open = Dates unclear: the source only describes “{ $text }” and does not say whether it still applies on { $date }
elig-no-conditions = The source does not state who can apply
elig-ask-union = The sources do not allow a definite answer. Call the workers' hotline 12351 or ask your local union.
