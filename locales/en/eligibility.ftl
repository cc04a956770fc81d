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
elig-union-assess = You are not yet “{ $label }”: the union assesses families and grants this status, so this does not mean you do not qualify. Ask your local union to assess your family (or call the workers' hotline 12351){ $quote }

# The facts taken from the member's own words, in one line they can correct (src/knowledge/eligibility/said.ts).
elig-said = From what you said: { $facts }
elig-said-separator = ,{" "}
elig-said-amount-plus = about { $value }+{ $unit }
elig-said-amount-about = about { $value }{ $unit }
elig-said-amount-range = { $from } to { $to }{ $unit }
elig-said-amount-over = over { $value }{ $unit }
elig-said-amount-under = under { $value }{ $unit }
elig-said-self_paid_medical_yuan = { $value } paid yourself
elig-said-medical_total_yuan = { $value } medical costs in total
elig-said-insurance_reimbursed_yuan = { $value } reimbursed by insurance
elig-said-age = aged { $value }
elig-said-hardship_registered-yes = a hardship family registered by the union
elig-said-hardship_registered-no = not (yet) registered by the union as a hardship family
elig-said-near_hardship-yes = a family in difficulty above the registration line
elig-said-near_hardship-no = not a family in difficulty
elig-said-registered_unemployed-yes = registered as unemployed
elig-said-registered_unemployed-no = not registered as unemployed
elig-said-unemployed-yes = out of work
elig-said-unemployed-no = in work
elig-said-union_member-yes = a union member
elig-said-union_member-no = not a union member
elig-said-mutual_aid_member-yes = in the mutual medical aid scheme
elig-said-mutual_aid_member-no = not in the mutual medical aid scheme
elig-said-wants_to_start_business-yes = wants to start a business
elig-said-wants_to_start_business-no = no business plans
elig-said-wants_to_work-yes = looking for work
elig-said-wants_to_work-no = not looking for work
elig-said-changing_jobs-yes = changing jobs
elig-said-changing_jobs-no = not changing jobs
elig-said-small_business_worker-yes = works in a small business or is self-employed
elig-said-small_business_worker-no = not in a small business
elig-said-resident_insured-yes = in the residents' medical insurance
elig-said-resident_insured-no = not in the residents' medical insurance
elig-said-model_worker-yes = a model worker
elig-said-model_worker-no = not a model worker
elig-said-works_outdoors-yes = works outdoors
elig-said-works_outdoors-no = does not work outdoors
