import type { GapConfidence, GapRepository, QuestionGap } from "../../knowledge/gaps/repository.js";
import type { SqliteDb } from "./database.js";

interface Row {
  asked_at: number;
  question: string;
  confidence: GapConfidence;
  concepts: string;
}

export class SqliteGapRepository implements GapRepository {
  private readonly insert;
  private readonly select;
  private readonly remove;

  constructor(db: SqliteDb) {
    this.insert = db.prepare("INSERT INTO question_gaps (asked_at, question, confidence, concepts) VALUES (?, ?, ?, ?)");
    this.select = db.prepare("SELECT asked_at, question, confidence, concepts FROM question_gaps WHERE asked_at >= ? ORDER BY asked_at, id");
    this.remove = db.prepare("DELETE FROM question_gaps WHERE asked_at < ?");
  }

  async record(gap: QuestionGap): Promise<void> {
    this.insert.run(gap.askedAt, gap.question, gap.confidence, JSON.stringify(gap.concepts));
  }
  async list(since: number): Promise<QuestionGap[]> {
    return (this.select.all(since) as Row[]).map((r) => ({
      askedAt: r.asked_at,
      question: r.question,
      confidence: r.confidence,
      concepts: JSON.parse(r.concepts) as string[],
    }));
  }
  async purge(before: number): Promise<number> {
    return this.remove.run(before).changes;
  }
}
