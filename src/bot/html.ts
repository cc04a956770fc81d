/**
 * Telegram HTML parse mode helpers. Everything that comes from content or users goes through escapeHtml:
 * Telegram answers 400 to malformed markup, and a stray `<` in an article would break the whole reply.
 */

/** Telegram's limit for one text message (UTF-16 code units after entity parsing). */
export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Cuts plain text to at most `max` characters (code points), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}

interface OpenTag {
  name: string;
  open: string;
}

const TOKEN = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);|[^<&]+|[<&]/g;

/**
 * Splits an HTML message into parts of at most `limit` characters without cutting inside a tag or an
 * entity: tags open at a cut are closed at the end of the part and reopened at the start of the next.
 * Prefers cutting at a line break, then after a space or Chinese punctuation.
 */
export function splitHtml(html: string, limit: number = MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const parts: string[] = [];
  const stack: OpenTag[] = [];
  let current = "";
  let hasText = false;

  const closing = () => stack.map((t) => `</${t.name}>`).reverse().join("");
  const closingLength = () => stack.reduce((n, t) => n + t.name.length + 3, 0);
  const flush = () => {
    if (hasText) parts.push(current + closing());
    current = stack.map((t) => t.open).join("");
    hasText = false;
  };
  const room = () => limit - current.length - closingLength();

  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const tagName = match[1]?.toLowerCase();
    if (tagName !== undefined) {
      const isClosing = token.startsWith("</");
      if (isClosing) {
        // Closing tag: the stack shrinks, so it always fits where its opening tag did.
        const index = stack.map((t) => t.name).lastIndexOf(tagName);
        if (index >= 0) stack.splice(index, 1);
        current += token;
      } else {
        if (current.length + token.length + closingLength() + tagName.length + 3 > limit) flush();
        current += token;
        stack.push({ name: tagName, open: token });
      }
      continue;
    }
    if (token.startsWith("&") && token.length > 1) {
      if (token.length > room()) flush();
      current += token;
      hasText = true;
      continue;
    }
    let text = token;
    while (text.length > 0) {
      const space = room();
      if (text.length <= space) {
        current += text;
        hasText = true;
        break;
      }
      if (space <= 0 || (hasText && space < 16)) {
        if (!hasText) {
          // Pathological nesting: no room even in a fresh part; give up on reopening tags.
          stack.length = 0;
          current = "";
        }
        flush();
        continue;
      }
      const cut = cutPoint(text, space);
      current += text.slice(0, cut);
      hasText = true;
      text = text.slice(cut);
      flush();
      // Line breaks at the start of a part are invisible noise.
      text = text.replace(/^\n+/, "");
    }
  }
  if (hasText) parts.push(current + closing());
  return parts;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  const newline = window.lastIndexOf("\n");
  if (newline >= max / 2) return newline + 1;
  const soft = Math.max(
    window.lastIndexOf(" "),
    ...["。", "，", "；", "！", "？", "、", ".", ",", ";"].map((p) => window.lastIndexOf(p)),
  );
  if (soft >= max / 2) return soft + 1;
  // Never cut a surrogate pair in half.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
