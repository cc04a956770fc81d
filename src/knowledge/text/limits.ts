/** Longest question answered (members ask in a sentence or two); longer input is refused with a message. */
export const MAX_QUESTION_CHARS = 1000;
