import type { GapConfidence, GapRepository, QuestionGap } from "../../knowledge/gaps/repository.js";
import type { Sql } from "./database.js";

export class PgGapRepository implements GapRepository {
  constructor(private readonly sql: Sql) {}

  async record(gap: QuestionGap): Promise<void> {
    await this.sql.run("INSERT INTO question_gaps (asked_at, question, confidence, concepts) VALUES ($1, $2, $3, $4)", [
      gap.askedAt,
      gap.question,
      gap.confidence,
      JSON.stringify(gap.concepts),
    ]);
  }
  async list(since: number): Promise<QuestionGap[]> {
    const rows = await this.sql.query<{ asked_at: number; question: string; confidence: GapConfidence; concepts: string }>(
      "SELECT asked_at, question, confidence, concepts FROM question_gaps WHERE asked_at >= $1 ORDER BY asked_at, id",
      [since],
    );
    return rows.map((r) => ({ askedAt: r.asked_at, question: r.question, confidence: r.confidence, concepts: JSON.parse(r.concepts) as string[] }));
  }
  async purge(before: number): Promise<number> {
    return this.sql.run("DELETE FROM question_gaps WHERE asked_at < $1", [before]);
  }
}
