/**
 * The facts a member stated in a question, carried on the "我符合条件吗?" button (callback data is at most
 * 64 bytes) so the check does not ask them again. The question itself is never stored by the bot: the
 * facts travel only in the member's own chat, on the button under the answer.
 *
 * Format: items joined by ".", each a one-letter fact code then the value: yes/no as 1/0, a number as
 * 4200, a range as 4001_4999 (open ends left empty: 3001_ / _2999), a choice as its option index; a
 * yes/no-or-level fact (disability, certificate) as y/n or its option index.
 */
import { FACTS, type FactValue } from "../../knowledge/eligibility/index.js";

const CODES: Record<string, string> = {
  hardship_registered: "h",
  near_hardship: "n",
  registered_unemployed: "r",
  unemployed: "u",
  union_member: "m",
  mutual_aid_member: "a",
  wants_to_start_business: "b",
  wants_to_work: "w",
  changing_jobs: "c",
  small_business_worker: "s",
  resident_insured: "i",
  model_worker: "l",
  works_outdoors: "o",
  self_paid_medical_yuan: "S",
  medical_total_yuan: "T",
  insurance_reimbursed_yuan: "R",
  age: "A",
  occupation: "O",
  disability: "d",
  severe_disability: "v",
  social_worker_certificate: "k",
  full_time_social_worker: "f",
  special_operations_worker: "x",
  temporarily_stranded: "t",
  frontline_worker: "F",
  on_duty_during_festival: "D",
};
const FACT_OF = new Map(Object.entries(CODES).map(([fact, code]) => [code, fact]));

const num = (n: number | null) => (n === null ? "" : String(Math.round(n)));

function encodeValue(fact: string, value: FactValue): string | undefined {
  const level = FACTS.get(fact)?.type === "level";
  if (typeof value === "boolean" && level) return value ? "y" : "n";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return Number.isFinite(value) ? num(value) : undefined;
  if (typeof value === "object") return `${num(value.min)}_${num(value.max)}`;
  const index = FACTS.get(fact)?.options?.findIndex((o) => o.value === value) ?? -1;
  return index >= 0 ? String(index) : undefined;
}

/** The stated facts as short text, keeping as many items as fit in `room` characters (place facts are not encoded). */
export function encodeStated(facts: Record<string, FactValue>, room: number): string {
  let out = "";
  for (const [fact, value] of Object.entries(facts)) {
    const code = CODES[fact];
    const v = code ? encodeValue(fact, value) : undefined;
    if (!code || v === undefined) continue;
    const item = `${out ? "." : ""}${code}${v}`;
    if (out.length + item.length > room) break;
    out += item;
  }
  return out;
}

/** Reads encodeStated's text back; unreadable items are left out. */
export function decodeStated(text: string | undefined): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const item of (text ?? "").split(".")) {
    const fact = FACT_OF.get(item.charAt(0));
    const v = item.slice(1);
    const spec = fact ? FACTS.get(fact) : undefined;
    if (!fact || !spec || !v) continue;
    if (spec.type === "boolean" && /^[01]$/.test(v)) facts[fact] = v === "1";
    else if (spec.type === "level" && /^[yn]$/.test(v)) facts[fact] = v === "y";
    else if (spec.type === "number" && /^\d{1,10}$/.test(v)) facts[fact] = Number(v);
    else if (spec.type === "number" && /^\d{0,10}_\d{0,10}$/.test(v) && v !== "_") {
      const [min, max] = v.split("_");
      facts[fact] = { min: min ? Number(min) : null, max: max ? Number(max) : null };
    } else if (spec.options && /^\d{1,2}$/.test(v)) {
      const option = spec.options[Number(v)];
      if (option) facts[fact] = option.value;
    }
  }
  return facts;
}
