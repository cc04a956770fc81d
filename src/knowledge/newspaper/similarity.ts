/**
 * Lexical similarity between pieces of one page (TF-IDF over Chinese character bigrams): used to decide
 * which story a repeated or misplaced paragraph belongs to. No segmenter needed at this scale.
 */

export type Vector = Map<string, number>;

/**
 * Bigrams every story of a union paper uses: on a single page their document frequency is too small to
 * discount them, so they are left out.
 */
const GENERIC = new Set(
  (
    "工会 职工 总工 市总 省总 全省 全市 全国 会议 工作 开展 发展 服务 建设 今年 去年 目前 记者 通讯 进一步 " +
    "我们 他们 以来 日前 近日 昨日 相关 部门 负责 责人 表示 介绍 同时 此外 通过 推动 推进 加强 提升 实现 " +
    "进行 活动 组织 单位 企业 社会 人员 情况 问题 要求 重要 以上 万元 亿元 主席 书记 省委 市委 政府"
  )
    .split(" ")
    .flatMap((w) => (w.length > 2 ? [w.slice(0, 2), w.slice(1, 3)] : [w])),
);

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!GENERIC.has(bigram)) out.push(bigram);
    }
  }
  for (const word of text.match(/[A-Za-z]{2,}|\d+(?:\.\d+)?/gu) ?? []) out.push(word.toLowerCase());
  return out;
}

/** How often each token occurs in a text. Texts joined by line breaks have the sum of their counts. */
export function termCounts(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const token of tokens(text)) tf.set(token, (tf.get(token) ?? 0) + 1);
  return tf;
}

export class Corpus {
  private readonly df = new Map<string, number>();
  private readonly size: number;

  constructor(documents: string[]) {
    this.size = documents.length;
    for (const doc of documents) {
      for (const token of new Set(tokens(doc))) this.df.set(token, (this.df.get(token) ?? 0) + 1);
    }
  }

  private idf(token: string): number {
    return Math.log(1 + this.size / (1 + (this.df.get(token) ?? 0)));
  }

  vector(text: string): Vector {
    return this.weigh(termCounts(text));
  }

  /** The vector of a text given its term counts (see termCounts): lets callers add and remove parts. */
  weigh(tf: ReadonlyMap<string, number>): Vector {
    const vec: Vector = new Map();
    for (const [token, count] of tf) {
      if (count <= 0) continue;
      vec.set(token, (1 + Math.log(count)) * this.idf(token));
    }
    return vec;
  }

  /**
   * Cosine similarity between a vector and the text whose term counts are `counts` minus `removed`,
   * without building that text's vector (a story is compared with many of its own paragraphs).
   */
  similarityToRest(a: Vector, counts: ReadonlyMap<string, number>, removed: ReadonlyMap<string, number>): number {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const v of a.values()) na += v * v;
    for (const [token, total] of counts) {
      const count = total - (removed.get(token) ?? 0);
      if (count <= 0) continue;
      const w = (1 + Math.log(count)) * this.idf(token);
      nb += w * w;
      const v = a.get(token);
      if (v !== undefined) dot += v * w;
    }
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  }

  similarity(a: string, b: string): number {
    return cosine(this.vector(a), this.vector(b));
  }
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
