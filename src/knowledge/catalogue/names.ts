/** Name comparison ignores spaces, quote styles, brackets and case. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s"'“”‘’「」『』《》〈〉()()【】\[\]·・,,。.、::]/g, "");
}

