/** A file that cannot be ingested: the message names the file and the reason (and the line or field when known). */
export class IssueFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly where: { line?: number; field?: string } = {},
  ) {
    const at = where.line !== undefined ? `:${where.line}` : "";
    super(`${file}${at}: ${reason}`);
    this.name = "IssueFileError";
  }
}
