# /gaps (staff only): questions the sources could not answer (src/bot/features/gaps.ts).
gaps-admin-only = This command is for union staff only.
gaps-empty = No unanswered questions in the last { $days } days.
gaps-heading = <b>Questions the sources could not answer</b> (last { $days } days: { $total } in { $groups } groups, most asked first):
gaps-group = { $count }× (related only { $related }, nothing found { $none }), last asked { $last }
gaps-no-concept = (no content word recognised)
gaps-footer = Write a staff answer (data/faq) for frequent ones, or add a member's word to data/dict/thesaurus.yaml. Full list: npm run --silent cli -- gaps
