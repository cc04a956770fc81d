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
