/**
 * How a fact's words are said in a member's message: the clause around them (punctuation ends one, and so
 * does a space between Chinese characters, as voice input writes), and whether it says them plainly, negates
 * them ("不是困难家庭", "还没建档": no), hedges them ("不太清楚", "好像", "not sure") or asks them ("算困难户吗"):
 * the last two leave the fact unknown, never "no". Some facts count only when said of oneself or one's family.
 * The words for each are in data/dict/stated-facts.yaml (./stated-words.ts).
 */
import { CHINESE, statedWords } from "./stated-words.js";

/** Words that say the fact of oneself or one's family ("我家是", "老公", "I'm", "as a"), up to 6 characters before it. */
const SELF = /(我|家|是|属于|算|咱|老公|老婆|丈夫|妻子|爱人|媳妇|儿子|女儿|孩子|父亲|母亲|爸|妈|\bi am|\bi'm|\bwe are|\bwe're|\bmy family|\bour family|\bas a|\bis|\bare)[^,，。.;；!！?？]{0,6}$/i;
/** An English clause with a subject of its own ("I have a disability", "my husband is disabled"). */
const ENGLISH_SUBJECT = /(?<![a-z'’])(i|i'm|im|i've|ive|we|we're|we've|my|our|husband|wife|son|daughter|mother|father|mum|mom|dad)(?![a-z'’])/i;
/**
 * "困难职工能申请什么", "残疾人就业项目", "disabled workers" speak of a group or a programme for it, and do not say
 * the member is one.
 */
const ASKS_ABOUT_GROUP =
  /^(能|可以|可|有|都|怎么|如何|该|的|要|需要|可不可以|能不能|帮扶|政策|补助|补贴|救助|项目|就业|工坊|认定|标准|条件|申请|服务|津贴|辅助|can|may|should|benefits?|aid|support|help|allowances?|subsid|programmes?|programs?|schemes?|services?|workers?|people|persons?)(?![a-z])/i;
/** What may stand around a place name that starts a clause: "淮安的困难户", "Huai'an hardship family". */
const PLACE_FILLER = /^(在|是|来自|住在)?(的|这边的?|那边的?|这里的?|本地的?|人)?$/;
const PAUSE = /[,，。;；!！?？、\n]/;

/** Where each clause ends: punctuation, or a space between Chinese characters (voice input writes no commas). */
export function clauseBreaks(text: string): boolean[] {
  const breaks = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (PAUSE.test(ch)) breaks[i] = true;
    // A full stop, but not the point of 4.5.
    else if (ch === "." && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))) breaks[i] = true;
    else if (/\s/.test(ch) && CHINESE.test(text[i - 1] ?? "") && CHINESE.test(text.slice(i).trimStart()[0] ?? "")) breaks[i] = true;
  }
  return breaks;
}

export interface Clause {
  /** From the clause start to the words. */
  before: string;
  /** From the words to the clause end. */
  after: string;
  /** The clause that follows (",不太确定"). */
  next: string;
}

export function clauseOf(text: string, breaks: boolean[], start: number, end: number): Clause {
  let from = start;
  while (from > 0 && !breaks[from - 1]) from--;
  let to = end;
  while (to < text.length && !breaks[to]) to++;
  let nextEnd = to + 1;
  while (nextEnd < text.length && !breaks[nextEnd]) nextEnd++;
  return { before: text.slice(from, start), after: text.slice(end, to), next: text.slice(to + 1, nextEnd) };
}

export type Mention = "yes" | "no" | "doubt" | "skip";

export interface MentionOptions {
  /** The words count only when said of oneself or one's family (or as a clause of their own). */
  aboutSelf?: boolean;
  /** Words of the text that name places: "淮安困难户" starts with a place, not with someone else. */
  placeWords?: string[];
}

/** How the words at [start, end) are said: plainly, negated, hedged or asked. */
export function mentionOf(text: string, breaks: boolean[], start: number, end: number, options: MentionOptions = {}): Mention {
  const clause = clauseOf(text, breaks, start, end);
  // Unsure or asking, about oneself or not: the fact is not settled by this message.
  if (hedgedOrAsked(clause)) return "doubt";
  const no = negated(clause.before);
  // "还没建档" is about oneself too: a negation needs no 我.
  if (options.aboutSelf && !no && !saysOfSelf(clause, options.placeWords ?? [])) return "skip";
  return no ? "no" : "yes";
}

/** Whether the clause hedges the words or asks them: "不太清楚…", "…,不太确定", "算不算…", "…吗". */
export function hedgedOrAsked(clause: Clause): boolean {
  const words = statedWords();
  if (words.hedges.test(clause.before) || words.hedges.test(clause.after) || hedgeOnly(clause.next)) return true;
  return words.asksBefore.test(clause.before) || words.asksAfter.test(clause.after);
}

/**
 * Whether the text before the fact's words, in its clause, negates them: a Chinese negation up to 6
 * characters before ("没有残疾", "不是困难户") unless a predicate of its own comes between, an English one anywhere earlier ("I don't have any kind of
 * disability"), neither across a contrast ("不是困难户但是残疾", "not a courier but a rider", "…and I") nor
 * when it only looks like one ("不仅", "not only").
 */
export function negated(before: string): boolean {
  const words = statedWords();
  let from = 0;
  for (const m of before.matchAll(words.contrasts)) from = m.index! + m[0].length;
  const scope = before.slice(from).replace(words.notNegations, (w) => "_".repeat(w.length));
  const chinese = words.negationBefore.exec(scope);
  return (chinese !== null && !newPredicate(chinese[1])) || words.negationInClause.test(scope);
}

/**
 * Whether the words between a Chinese negation and the fact start a predicate of their own: in "条件不好是困难户"
 * and "身体不好有残疾" the 不 denies 好, and 是/有 then says the fact. The 有 of 没有, 没人有 belongs to the
 * negation ("没人有残疾", "从来没有建过档").
 */
function newPredicate(between: string): boolean {
  return /[是有]/.test(between.replace(/^(?:有人有|人有|有人|有|人|谁)/, ""));
}

/** A clause that is only a hedge: "…,不太确定", "…, not sure", "记不太清了". */
function hedgeOnly(clause: string): boolean {
  const rest = clause.trim().replace(/^(但是|不过|但|我也|我|but|i'm|i am|im)\s*/i, "");
  const m = statedWords().hedges.exec(rest);
  return !!m && m.index === 0 && /^[了吧啊呢哈的\s.!]*$/.test(rest.slice(m[0].length));
}

function saysOfSelf(clause: Clause, placeWords: string[]): boolean {
  if (SELF.test(clause.before.slice(-8))) return true;
  const aboutGroup = ASKS_ABOUT_GROUP.test(clause.after.trimStart());
  if (!CHINESE.test(clause.before) && ENGLISH_SUBJECT.test(clause.before)) return !aboutGroup;
  // Nothing before the words but a place: "淮安困难户", "淮安的困难户", "Huai'an hardship family".
  let rest = clause.before.replace(/['’]/g, "");
  for (const word of placeWords) rest = rest.split(word.replace(/['’]/g, "")).join("");
  return PLACE_FILLER.test(rest.trim().toLowerCase().replace(/\s+/g, "")) && !aboutGroup;
}
