# Eligibility reasons (src/knowledge/eligibility/reasons.ts). Plain text, not HTML.
# Labels, areas, period texts and quotes come from the catalogue and are inserted as written.
# $quote, $scope and $only are empty in the short form (the help-finding summary).
elig-quote = 。原文:「{ $source }」
elig-scope = (范围:{ $text })
elig-only = (原文只有:「{ $source }」)
elig-value-yes = 是
elig-value-no = 否
elig-value-over = { $value }以上
elig-value-under = { $value }以下

elig-region-ok = 符合地区:本项目在{ $area }{ $scope }
elig-region-no = 不符合地区:您在{ $where },本项目只在{ $area }{ $scope }
elig-region-open = 还不知道您是否在{ $area }:本项目只在{ $area }{ $scope }
elig-unstated = 原文未说明:{ $text }{ $only }
elig-everyone = { $label }{ $quote }
elig-unknown = 还不知道是否符合「{ $label }」{ $quote }
elig-met = 符合「{ $label }」(您的情况:{ $value }){ $quote }
elig-vague = 还需要确认「{ $label }」(您的回答:{ $value }){ $quote }
elig-undecidable = 无法确定「{ $label }」(您的情况:{ $value }):{ $why }{ $quote }
elig-not-met = 不符合「{ $label }」(您的情况:{ $value }){ $quote }
elig-period-ok = 时间符合:{ $date }在「{ $text }」范围内
elig-period-open = 时间不确定:原文只说明「{ $text }」的安排,没有说明{ $date }是否还适用
elig-no-conditions = 原文未说明申请条件
elig-ask-union = 根据原文无法给出确定答复,请拨打职工服务热线12351或咨询当地工会。
elig-union-assess = 您目前还不是「{ $label }」:这一身份由工会评估认定,不等于不符合。可以请当地工会评估您家的情况(或拨打职工服务热线12351){ $quote }

# The facts taken from the member's own words, in one line they can correct (src/knowledge/eligibility/said.ts).
elig-said = 按您说的：{ $facts }
elig-said-separator = ，
elig-said-amount-plus = 约{ $value }多{ $unit }
elig-said-amount-about = 约{ $value }{ $unit }
elig-said-amount-range = { $from }到{ $to }{ $unit }
elig-said-amount-over = 超过{ $value }{ $unit }
elig-said-amount-under = 不到{ $value }{ $unit }
elig-said-self_paid_medical_yuan = 自费{ $value }
elig-said-medical_total_yuan = 看病一共花了{ $value }
elig-said-insurance_reimbursed_yuan = 医保报销了{ $value }
elig-said-age = { $value }岁
elig-said-hardship_registered-yes = 工会建档的困难职工家庭
elig-said-hardship_registered-no = 还不是工会建档的困难职工家庭
elig-said-near_hardship-yes = 临界困难家庭
elig-said-near_hardship-no = 不是临界困难家庭
elig-said-registered_unemployed-yes = 登记失业
elig-said-registered_unemployed-no = 没有登记失业
elig-said-unemployed-yes = 目前没有工作
elig-said-unemployed-no = 目前有工作
elig-said-union_member-yes = 工会会员
elig-said-union_member-no = 不是工会会员
elig-said-mutual_aid_member-yes = 参加了职工医疗互助
elig-said-mutual_aid_member-no = 没参加职工医疗互助
elig-said-wants_to_start_business-yes = 想创业
elig-said-wants_to_start_business-no = 不想创业
elig-said-wants_to_work-yes = 想找工作
elig-said-wants_to_work-no = 不想找工作
elig-said-changing_jobs-yes = 想转岗、换工作
elig-said-changing_jobs-no = 不转岗
elig-said-small_business_worker-yes = 在小微企业工作或是个体工商户
elig-said-small_business_worker-no = 不在小微企业工作
elig-said-resident_insured-yes = 参加了城乡居民医保
elig-said-resident_insured-no = 没参加城乡居民医保
elig-said-model_worker-yes = 劳模、先进模范
elig-said-model_worker-no = 不是劳模
elig-said-works_outdoors-yes = 户外工作
elig-said-works_outdoors-no = 不在户外工作
