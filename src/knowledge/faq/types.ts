/** Answers written by union staff (data/faq/*.yaml), searched with the newspaper and the catalogue. */

export interface FaqEntry {
  /** The file name without .yaml; stable, used in hit ids. */
  id: string;
  /** How members ask it, in their own words (the first is shown as the entry's title). */
  questions: string[];
  /** The answer as union staff wrote it. */
  answer: string;
  /** Who wrote it (name and/or office), cited with the answer. */
  writtenBy: string;
  /** When it was written or last checked, YYYY-MM-DD, cited with the answer. */
  writtenOn: string;
  /** Where to read more (optional). */
  link: string | null;
  /** An example of the format: validated, never shown to members. */
  example: boolean;
  /** The file it came from, for messages. */
  file: string;
}

export interface FaqProblem {
  file: string;
  /** Field path, e.g. "questions[1]", or "" for the whole file. */
  field: string;
  message: string;
}
