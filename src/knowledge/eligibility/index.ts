/** Eligibility checks over the programme catalogue. See README "Eligibility checks". */
export { checkEligibility, evaluateProgramme, nextQuestionAcross } from "./evaluate.js";
export type { EligibilityResult, EvaluateOptions, Verdict } from "./evaluate.js";
export { normalizeFacts } from "./normalize.js";
export type { Facts, NormalizedFacts } from "./normalize.js";
export { isDontKnow, parseAnswer, parseAmount, parseChineseNumber, parseYesNo, todayIn } from "./answers.js";
export type { FactValue, NumberRange, ParsedAnswer } from "./answers.js";
export { FACTS, factSpec, isSensitiveFact } from "./facts.js";
export { factsFromText, mostSpecificPlace, namedPlace, placeFactsOf, placeFinderFrom } from "./from-text.js";
export type { NamedPlace, PlaceFinder, StatedFacts } from "./from-text.js";
export { saidLine, spokenAmount } from "./said.js";
export { answerCanChange, trialAnswers } from "./settled.js";
export type { FactOption, FactSpec, FactType } from "./facts.js";
export {
  chainResolvers,
  regionWithin,
  resolverFromChains,
  resolverFromGazetteer,
  samePlace,
  stripPlaceSuffix,
} from "./region.js";
export type { PlaceResolver, RegionChain } from "./region.js";
export type { Condition, Operator, Rule } from "./rules.js";

import type { Catalogue } from "../catalogue/types.js";
import { type PlaceResolver, chainResolvers, resolverFromChains } from "./region.js";

/**
 * The resolver to use with a catalogue: the gazetteer when given, falling back to the place chains the
 * catalogue itself names (长兴 -> 湖州市 -> 浙江省).
 */
export function placeResolverFor(catalogue: Catalogue, gazetteer?: PlaceResolver): PlaceResolver {
  const chains = catalogue.programmes
    .map((p) => p.region)
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({ province: r.province, city: r.city, county: r.county }));
  return chainResolvers(gazetteer, resolverFromChains(chains));
}
