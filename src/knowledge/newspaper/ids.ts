import { createHash } from "node:crypto";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Text as hashed for an id: line endings and trailing blanks do not change the id. */
export function normalizedText(text: string): string {
  return text.replace(/\r\n?/gu, "\n").replace(/[ \t\u3000]+$/gmu, "").trim();
}

/**
 * A stable issue id from what the page prints: the paper (its CN serial number, else its name), the date and
 * the issue number, e.g. "cn33-0018-2024-11-07-12773" (plus "-p2" for a file holding page 2 only). Pages printing neither date nor number get an id
 * from their text ("h-…"), so re-ingesting the same file still replaces rather than duplicates.
 */
export function issueId(
  meta: { paper: string | null; cn?: string | null; date: string | null; number: string | null; page?: string | null },
  text: string,
): string {
  const paperKey = meta.cn
    ? meta.cn.toLowerCase().replace(/[^a-z0-9]+/gu, "-")
    : meta.paper
      ? `p${sha256(meta.paper).slice(0, 8)}`
      : null;
  if ((paperKey && (meta.date || meta.number)) || (meta.date && meta.number)) {
    // One file per page: each page printing its number is stored on its own (page 2 does not replace page 1).
    const page = meta.page ? [`p${meta.page}`] : [];
    return [paperKey ?? "paper-unknown", meta.date ?? "undated", meta.number ?? "no-number", ...page].join("-");
  }
  return `h-${sha256(normalizedText(text)).slice(0, 16)}`;
}
