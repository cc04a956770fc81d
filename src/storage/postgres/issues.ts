import type { ParsedIssue } from "../../knowledge/types.js";
import type { IssueRepository, StoredArticle, StoredIssue } from "../../knowledge/newspaper/repository.js";
import {
  ARTICLE_SELECT,
  ISSUE_ORDER,
  ISSUE_SELECT,
  toArticle,
  toIssue,
  type ArticleRow,
  type IssueRow,
} from "../sqlite/issues.js";
import { LOCK_SPACE, type Sql } from "./database.js";
import { bumpContentVersion } from "./instances.js";

/**
 * Issue writers take turns (instances starting together store the shipped issues at the same moment): two
 * replacements of one issue would otherwise both delete its articles before either inserts them.
 */
async function lockIssues(sql: Sql): Promise<void> {
  await sql.query("SELECT pg_advisory_xact_lock($1, hashtext('issues'))", [LOCK_SPACE.named]);
}

// The row shapes and SELECTs are shared with SQLite: both schemas have the same columns.
export class PgIssueRepository implements IssueRepository {
  constructor(private readonly sql: Sql) {}

  async replaceIssue(
    parsed: ParsedIssue,
    meta: { sourceFile: string; contentHash: string },
  ): Promise<{ replaced: boolean; superseded: string[] }> {
    const { issue, articles } = parsed;
    for (const a of articles) {
      if (a.issueId !== issue.id) throw new Error(`article ${a.id} belongs to issue ${a.issueId}, not ${issue.id}`);
    }
    return this.sql.tx(async (sql) => {
      await lockIssues(sql);
      const existed = (await sql.query("SELECT 1 FROM issues WHERE id = $1 FOR UPDATE", [issue.id])).length > 0;
      // An earlier version of this file stored under another id: the file now says something else.
      const superseded = (
        await sql.query<{ id: string }>("SELECT id FROM issues WHERE source_file = $1 AND id <> $2 ORDER BY id", [meta.sourceFile, issue.id])
      ).map((row) => row.id);
      if (superseded.length > 0) {
        await sql.run("DELETE FROM articles WHERE issue_id = ANY($1)", [superseded]);
        await sql.run("DELETE FROM issues WHERE id = ANY($1)", [superseded]);
      }
      await sql.run("DELETE FROM articles WHERE issue_id = $1", [issue.id]);
      await sql.run(
        `INSERT INTO issues (id, paper, date, number, cn, lunar_date, page, source_file, content_hash, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET paper = excluded.paper, date = excluded.date, number = excluded.number,
           cn = excluded.cn, lunar_date = excluded.lunar_date, page = excluded.page, source_file = excluded.source_file,
           content_hash = excluded.content_hash, ingested_at = excluded.ingested_at`,
        [
          issue.id,
          issue.paper,
          issue.date,
          issue.number,
          issue.cn ?? null,
          issue.lunarDate ?? null,
          issue.page ?? null,
          meta.sourceFile,
          meta.contentHash,
          new Date().toISOString(),
        ],
      );
      for (const a of articles) {
        await sql.run(
          `INSERT INTO articles (id, issue_id, seq, title, kicker, kind, body, byline, url, title_missing, continued_from, continues_to)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            a.id,
            issue.id,
            a.seq,
            a.title,
            a.kicker,
            a.kind,
            a.body,
            a.byline,
            a.url,
            a.titleMissing ? 1 : 0,
            a.continuedFrom ?? null,
            a.continuesTo ?? null,
          ],
        );
      }
      await bumpContentVersion(sql, "issues");
      return { replaced: existed, superseded };
    });
  }

  async listIssues(): Promise<StoredIssue[]> {
    return (await this.sql.query<IssueRow>(`${ISSUE_SELECT} ${ISSUE_ORDER}`)).map(toIssue);
  }

  async getIssue(id: string): Promise<StoredIssue | undefined> {
    const [row] = await this.sql.query<IssueRow>(`${ISSUE_SELECT} WHERE issues.id = $1`, [id]);
    return row ? toIssue(row) : undefined;
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const [row] = await this.sql.query<ArticleRow>(`${ARTICLE_SELECT} WHERE articles.id = $1`, [id]);
    return row ? toArticle(row) : undefined;
  }

  async articlesOf(issueId: string): Promise<StoredArticle[]> {
    return (await this.sql.query<ArticleRow>(`${ARTICLE_SELECT} WHERE articles.issue_id = $1 ORDER BY articles.seq`, [issueId])).map(toArticle);
  }

  async allArticles(): Promise<StoredArticle[]> {
    return (await this.sql.query<ArticleRow>(`${ARTICLE_SELECT} ${ISSUE_ORDER}, articles.seq`)).map(toArticle);
  }

  async findByContentHash(hash: string): Promise<StoredIssue | undefined> {
    const [row] = await this.sql.query<IssueRow>(`${ISSUE_SELECT} WHERE issues.content_hash = $1 LIMIT 1`, [hash]);
    return row ? toIssue(row) : undefined;
  }

  async deleteIssue(id: string): Promise<boolean> {
    return this.sql.tx(async (sql) => {
      await lockIssues(sql);
      await sql.run("DELETE FROM articles WHERE issue_id = $1", [id]);
      const deleted = (await sql.run("DELETE FROM issues WHERE id = $1", [id])) > 0;
      if (deleted) await bumpContentVersion(sql, "issues");
      return deleted;
    });
  }

  async count(): Promise<{ issues: number; articles: number }> {
    const [row] = await this.sql.query<{ issues: number; articles: number }>(
      "SELECT (SELECT COUNT(*) FROM issues) AS issues, (SELECT COUNT(*) FROM articles) AS articles",
    );
    return row!;
  }
}
