/**
 * The bot's features, in the order their middleware runs. createBot installs them after the core
 * middleware (error boundary, logger, i18n, session, rate limit, conversations), puts /help after the
 * first one with commands (/start), and appends "ask" (any remaining private text is a question) and the catch-all "unhandled".
 *
 * To add a feature: export a `Feature` (src/bot/feature.ts) from src/bot/features/<name>.ts and add ONE
 * line in the marked block below. Register your conversations inside your composer with createConversation.
 * Main-menu buttons send the callback data in MENU (src/bot/menu.ts): menu:stations, menu:find,
 * menu:subscribe (menu:ask is handled by "start"); until a feature handles its button, "unhandled" answers.
 */
import type { Feature } from "../feature.js";
import { conversationCommandsFeature } from "./conversation-commands.js";
import { languageFeature } from "./language.js";
import { privacyFeature } from "./privacy.js";
import { startFeature } from "./start.js";
import { subscribeFeature } from "./subscribe.js";
import { adminFeature } from "./admin.js";
import { gapsFeature } from "./gaps.js";
import { findFeature } from "./find.js";
import { stationsFeature } from "./stations.js";
import { smallTalkFeature } from "./small-talk.js";

export const features: Feature[] = [
  // First: a command typed inside a guided conversation ends it before any feature handles the command.
  conversationCommandsFeature,
  startFeature,
  languageFeature,
  privacyFeature,
  // --- other areas: one line each, below this comment ---
  subscribeFeature,
  adminFeature,
  gapsFeature,
  findFeature,
  stationsFeature,
  // Last of the text handlers before "ask": only a message that is a greeting, thanks or goodbye alone.
  smallTalkFeature,
];
