/** Texts and keyboards shared by the subscription conversation and /settings. */
import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../html.js";
import { looksLikeQuestion } from "./wait-step.js";
import type { Gazetteer, Place } from "../../knowledge/places/types.js";
import { placeNameIn, qualifiedPlaceName } from "../../knowledge/places/names.js";
import {
  DIGEST_TOPICS,
  type Delivery,
  type DigestTopic,
  type Subscription,
  type SubscriptionRegion,
} from "../../knowledge/digest/types.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

export const SUBSCRIBE_CALLBACK = {
  topic: "sub:t:",
  next: "sub:next",
  skip: "sub:skip",
  delivery: "sub:d:",
  edit: "sub:edit",
  pause: "sub:pause",
  resume: "sub:resume",
  unsubscribe: "sub:unsub",
  back: "sub:back",
} as const;

/** Daily times offered (outside the default quiet hours). */
export const DAILY_TIMES = ["08:00", "12:00", "18:00", "20:00"];

export function topicKeyboard(t: T, chosen: readonly DigestTopic[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const topic of DIGEST_TOPICS) {
    keyboard.text(`${chosen.includes(topic) ? "✅" : "⬜"} ${t(`digest-topic-${topic}`)}`, `${SUBSCRIBE_CALLBACK.topic}${topic}`).row();
  }
  return keyboard.text(t("digest-sub-next"), SUBSCRIBE_CALLBACK.next);
}

/** Toggling "all" clears the other topics and the other way round. */
export function toggleTopic(chosen: readonly DigestTopic[], topic: DigestTopic): DigestTopic[] {
  if (chosen.includes(topic)) return chosen.filter((t) => t !== topic);
  if (topic === "all") return ["all"];
  return [...chosen.filter((t) => t !== "all"), topic];
}

export function deliveryKeyboard(t: T): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("digest-sub-delivery-now"), `${SUBSCRIBE_CALLBACK.delivery}now`).row();
  DAILY_TIMES.forEach((time, i) => {
    keyboard.text(t("digest-sub-delivery-daily", { time }), `${SUBSCRIBE_CALLBACK.delivery}${time}`);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function skipKeyboard(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t("digest-skip"), SUBSCRIBE_CALLBACK.skip);
}

export function regionFromPlace(place: Place): SubscriptionRegion {
  return {
    name: place.name,
    placeId: place.id,
    level: place.level,
    province: place.province,
    city: place.city,
    county: place.county,
    aliases: [...new Set([place.shortName, ...place.aliases].filter((a) => a && a.length >= 2))],
  };
}

/** How the member reads their region: 杭州市余杭区; in English as station replies name it ("Yuhang District (余杭区)"). */
function regionLabel(region: SubscriptionRegion, names?: RegionNames): string {
  const place = names?.locale === "en" ? names.gazetteer.places.find((p) => p.id === region.placeId) : undefined;
  if (place) return placeNameIn(place, "en");
  return qualifiedPlaceName(region);
}

/** Keywords are a few short words, not sentences. */
export const MAX_KEYWORDS = 3;
export const MAX_KEYWORD_LENGTH = 10;

export { looksLikeQuestion } from "./wait-step.js";

/**
 * Plain short words only: at most MAX_KEYWORDS, each at most MAX_KEYWORD_LENGTH characters, no punctuation
 * but - and _, and nothing that reads as a question.
 */
export function parseKeywords(text: string): string[] | undefined {
  if (looksLikeQuestion(text)) return undefined;
  const words = text
    .split(/[\s,，、;；]+/u)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0 || words.length > MAX_KEYWORDS) return undefined;
  if (words.some((w) => Array.from(w).length > MAX_KEYWORD_LENGTH || !/^[\p{L}\p{N}_-]+$/u.test(w))) return undefined;
  return [...new Set(words)];
}

/** A typed delivery choice: one of the offered times ("8点", "8:00", "20:00") or a button's label. */
export function deliveryFromText(t: T, text: string): Delivery | undefined {
  const trimmed = text.trim();
  if (trimmed === t("digest-sub-delivery-now")) return { kind: "immediate" };
  const match = /^(\d{1,2})(?:[:：](\d{2})|点(?:钟)?)?$/u.exec(trimmed);
  const time = match ? `${match[1].padStart(2, "0")}:${match[2] ?? "00"}` : undefined;
  const offered = DAILY_TIMES.find((d) => d === time || t("digest-sub-delivery-daily", { time: d }) === trimmed);
  return offered ? { kind: "daily", time: offered } : undefined;
}

/** The reader's language and the gazetteer that knows the English names of places. */
export interface RegionNames {
  locale: string;
  gazetteer: Gazetteer;
}

/** The subscription as a few lines of HTML. */
export function subscriptionSummary(t: T, sub: Subscription, names?: RegionNames): string {
  return t("digest-settings-summary", {
    topics: escapeHtml(sub.topics.map((topic) => t(`digest-topic-${topic}`)).join("、") || "—"),
    region: escapeHtml(sub.region ? regionLabel(sub.region, names) : t("digest-region-any")),
    keywords: escapeHtml(sub.keywords.length > 0 ? sub.keywords.join("、") : t("digest-keywords-none")),
    delivery: sub.delivery.kind === "daily" ? t("digest-delivery-daily", { time: sub.delivery.time }) : t("digest-delivery-immediate"),
    quietStart: sub.quietHours.start,
    quietEnd: sub.quietHours.end,
    status: t(`digest-status-${sub.status}`),
  });
}

export function settingsKeyboard(t: T, sub: Subscription | undefined): InlineKeyboard {
  if (!sub) return new InlineKeyboard().text(t("digest-subscribe-button"), SUBSCRIBE_CALLBACK.edit);
  const keyboard = new InlineKeyboard().text(t("digest-settings-edit"), SUBSCRIBE_CALLBACK.edit);
  if (sub.status === "active") keyboard.text(t("digest-settings-pause"), SUBSCRIBE_CALLBACK.pause);
  else if (sub.status === "paused") keyboard.text(t("digest-settings-resume"), SUBSCRIBE_CALLBACK.resume);
  return keyboard.row().text(t("digest-settings-unsubscribe"), SUBSCRIBE_CALLBACK.unsubscribe);
}
