/**
 * Checks Telegram "HTML" parse mode the way the Bot API does (the subset the bot can produce):
 * only Telegram's tags, properly nested, `<` and `&` only as part of a tag or an entity.
 * Returns the visible text (tags removed, entities decoded) for the length check.
 */
const ALLOWED = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"]);
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export function validateTelegramHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const stack: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*"|='[^'<>]*'|=[^\s"'<>]+)?)*)\s*>/.exec(html.slice(i));
      if (!match) return { ok: false, error: `Unsupported start tag at byte offset ${i}` };
      const [whole, closing, rawName] = match;
      const name = rawName.toLowerCase();
      if (!ALLOWED.has(name)) return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (stack.pop() !== name) return { ok: false, error: `Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ""}>", found "</${name}>"` };
      } else {
        stack.push(name);
      }
      i += whole.length;
      continue;
    }
    if (ch === "&") {
      const match = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/.exec(html.slice(i));
      if (!match) return { ok: false, error: `Character '&' at byte offset ${i} must be escaped as &amp;` };
      text += match[1] ? NAMED[match[1]] : String.fromCodePoint(match[2] ? Number(match[2]) : parseInt(match[3], 16));
      i += match[0].length;
      continue;
    }
    text += ch;
    i++;
  }
  if (stack.length > 0) return { ok: false, error: `Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { ok: true, text };
}
