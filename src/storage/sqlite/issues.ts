import type { Article, ArticleKind, IssueMeta, ParsedIssue } from "../../knowledge/types.js";
import type { IssueRepository, StoredArticle, StoredIssue } from "../../knowledge/newspaper/repository.js";
import type { SqliteDb } from "./database.js";
import { bumpContentVersion } from "./instances.js";

export interface IssueRow {
  id: string;
  paper: string | null;
  date: string | null;
  number: string | null;
  cn: string | null;
  lunar_date: string | null;
  page: string | null;
  source_file: string;
  content_hash: string;
  ingested_at: string;
  article_count: number;
}

export interface ArticleRow {
  id: string;
  issue_id: string;
  seq: number;
  title: string;
  kicker: string | null;
  kind: string;
  body: string;
  byline: string | null;
  url: string | null;
  title_missing: number;
  continued_from: string | null;
  continues_to: string | null;
  i_paper: string | null;
  i_date: string | null;
  i_number: string | null;
  i_cn: string | null;
  i_lunar_date: string | null;
  i_page: string | null;
}

/**
 * A page that prints only its CN number (国内统一连续出版物号) gets the paper name from another stored issue that
 * prints both: the CN number identifies the paper. The stored row keeps what was printed.
 */
export const PAPER_BY_CN = `COALESCE(issues.paper, (SELECT named.paper FROM issues AS named
  WHERE named.cn = issues.cn AND named.paper IS NOT NULL ORDER BY named.date DESC LIMIT 1))`;
export const ISSUE_SELECT = `SELECT issues.*, ${PAPER_BY_CN} AS paper,
  (SELECT COUNT(*) FROM articles WHERE articles.issue_id = issues.id) AS article_count FROM issues`;
export const ARTICLE_SELECT = `SELECT articles.*, ${PAPER_BY_CN} AS i_paper, issues.date AS i_date, issues.number AS i_number,
  issues.cn AS i_cn, issues.lunar_date AS i_lunar_date, issues.page AS i_page
  FROM articles JOIN issues ON issues.id = articles.issue_id`;
// Newest first; undated issues (NULL date) after dated ones.
export const ISSUE_ORDER = `ORDER BY issues.date IS NULL, issues.date DESC, issues.id`;

export function toIssue(row: IssueRow): StoredIssue {
  return {
    id: row.id,
    paper: row.paper,
    date: row.date,
    number: row.number,
    cn: row.cn,
    lunarDate: row.lunar_date,
    page: row.page,
    sourceFile: row.source_file,
    contentHash: row.content_hash,
    articleCount: row.article_count,
    ingestedAt: row.ingested_at,
  };
}

export function toArticle(row: ArticleRow): StoredArticle {
  const issue: IssueMeta = {
    id: row.issue_id,
    paper: row.i_paper,
    date: row.i_date,
    number: row.i_number,
    cn: row.i_cn,
    lunarDate: row.i_lunar_date,
    page: row.i_page,
  };
  const article: Article = {
    id: row.id,
    issueId: row.issue_id,
    seq: row.seq,
    title: row.title,
    kicker: row.kicker,
    kind: row.kind as ArticleKind,
    body: row.body,
    byline: row.byline,
    url: row.url,
  };
  if (row.title_missing) article.titleMissing = true;
  if (row.continued_from) article.continuedFrom = row.continued_from;
  if (row.continues_to) article.continuesTo = row.continues_to;
  return { ...article, issue };
}

export class SqliteIssueRepository implements IssueRepository {
  constructor(readonly db: SqliteDb) {}

  async replaceIssue(
    parsed: ParsedIssue,
    meta: { sourceFile: string; contentHash: string },
  ): Promise<{ replaced: boolean; superseded: string[] }> {
    const { issue, articles } = parsed;
    const write = this.db.transaction((): { replaced: boolean; superseded: string[] } => {
      const existed = this.db.prepare("SELECT 1 FROM issues WHERE id = ?").get(issue.id) !== undefined;
      // An earlier version of this file stored under another id: the file now says something else.
      const superseded = this.db
        .prepare<[string, string], { id: string }>("SELECT id FROM issues WHERE source_file = ? AND id <> ? ORDER BY id")
        .all(meta.sourceFile, issue.id)
        .map((row) => row.id);
      for (const id of superseded) {
        this.db.prepare("DELETE FROM articles WHERE issue_id = ?").run(id);
        this.db.prepare("DELETE FROM issues WHERE id = ?").run(id);
      }
      this.db.prepare("DELETE FROM articles WHERE issue_id = ?").run(issue.id);
      this.db
        .prepare(
          `INSERT INTO issues (id, paper, date, number, cn, lunar_date, page, source_file, content_hash, ingested_at)
           VALUES (@id, @paper, @date, @number, @cn, @lunarDate, @page, @sourceFile, @contentHash, @ingestedAt)
           ON CONFLICT(id) DO UPDATE SET paper = excluded.paper, date = excluded.date, number = excluded.number,
             cn = excluded.cn, lunar_date = excluded.lunar_date, page = excluded.page, source_file = excluded.source_file,
             content_hash = excluded.content_hash, ingested_at = excluded.ingested_at`,
        )
        .run({
          id: issue.id,
          paper: issue.paper,
          date: issue.date,
          number: issue.number,
          cn: issue.cn ?? null,
          lunarDate: issue.lunarDate ?? null,
          page: issue.page ?? null,
          sourceFile: meta.sourceFile,
          contentHash: meta.contentHash,
          ingestedAt: new Date().toISOString(),
        });
      const insert = this.db.prepare(
        `INSERT INTO articles (id, issue_id, seq, title, kicker, kind, body, byline, url, title_missing, continued_from, continues_to)
         VALUES (@id, @issueId, @seq, @title, @kicker, @kind, @body, @byline, @url, @titleMissing, @continuedFrom, @continuesTo)`,
      );
      for (const a of articles) {
        if (a.issueId !== issue.id) throw new Error(`article ${a.id} belongs to issue ${a.issueId}, not ${issue.id}`);
        insert.run({
          id: a.id,
          issueId: issue.id,
          seq: a.seq,
          title: a.title,
          kicker: a.kicker,
          kind: a.kind,
          body: a.body,
          byline: a.byline,
          url: a.url,
          titleMissing: a.titleMissing ? 1 : 0,
          continuedFrom: a.continuedFrom ?? null,
          continuesTo: a.continuesTo ?? null,
        });
      }
      bumpContentVersion(this.db, "issues");
      return { replaced: existed, superseded };
    });
    // IMMEDIATE: the write lock is taken before the reads, so a concurrent writer makes this wait (busy
    // timeout) instead of failing when the snapshot it read from is no longer the newest.
    return write.immediate();
  }

  async listIssues(): Promise<StoredIssue[]> {
    return this.db.prepare<[], IssueRow>(`${ISSUE_SELECT} ${ISSUE_ORDER}`).all().map(toIssue);
  }

  async getIssue(id: string): Promise<StoredIssue | undefined> {
    const row = this.db.prepare<[string], IssueRow>(`${ISSUE_SELECT} WHERE issues.id = ?`).get(id);
    return row ? toIssue(row) : undefined;
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = this.db.prepare<[string], ArticleRow>(`${ARTICLE_SELECT} WHERE articles.id = ?`).get(id);
    return row ? toArticle(row) : undefined;
  }

  async articlesOf(issueId: string): Promise<StoredArticle[]> {
    return this.db
      .prepare<[string], ArticleRow>(`${ARTICLE_SELECT} WHERE articles.issue_id = ? ORDER BY articles.seq`)
      .all(issueId)
      .map(toArticle);
  }

  async allArticles(): Promise<StoredArticle[]> {
    return this.db
      .prepare<[], ArticleRow>(`${ARTICLE_SELECT} ${ISSUE_ORDER}, articles.seq`)
      .all()
      .map(toArticle);
  }

  async findByContentHash(hash: string): Promise<StoredIssue | undefined> {
    const row = this.db.prepare<[string], IssueRow>(`${ISSUE_SELECT} WHERE issues.content_hash = ?`).get(hash);
    return row ? toIssue(row) : undefined;
  }

  async deleteIssue(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM articles WHERE issue_id = ?").run(id);
      const deleted = this.db.prepare("DELETE FROM issues WHERE id = ?").run(id).changes > 0;
      if (deleted) bumpContentVersion(this.db, "issues");
      return deleted;
    }).immediate();
  }

  async count(): Promise<{ issues: number; articles: number }> {
    const issues = (this.db.prepare("SELECT COUNT(*) AS n FROM issues").get() as { n: number }).n;
    const articles = (this.db.prepare("SELECT COUNT(*) AS n FROM articles").get() as { n: number }).n;
    return { issues, articles };
  }
}
