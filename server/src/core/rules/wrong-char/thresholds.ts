/**
 * The named thresholds of wrong-char, chosen on half A of the development corpus
 * (bench/dev-quality.ts --half A --rules wrong-char) and reported on half B.
 */

/**
 * How much likelier (natural log) the window must read with the candidate character than
 * with the one written before a non-word slip is reported. Chosen on half A of the
 * development corpus (600 articles, default model, slips injected inside words, confusion
 * sets of any tone):
 *   gain ≥ 10: 0.49 false alarms per 10k characters (治国理政 and other set terms the
 *              dictionary lacks), non-word recall 0.38;
 *   gain ≥ 11: 0.10 per 10k, recall 0.28 — the first under the 0.3 target, so it is the one.
 */
export const MIN_GAIN = 11;

/** The candidate word must be a well-attested dictionary word (jieba frequency), as the suspect pairs' index asks. */
export { SLIP_WORD_MIN_FREQ as MIN_CANDIDATE_FREQ } from '../../analysis/slip-pairs';

/**
 * A character that stands alone this often (jieba frequency as a one-character word) is a
 * function word or a common verb: a pair of such characters is ordinary syntax (在 会,
 * 了 一), so a slip is only looked for where at least one character of the pair stands
 * alone less often than this.
 */
export const MAX_STANDALONE_FREQ = 20_000;

/** Han characters on each side of the suspect that the reading is scored over. */
export const WINDOW = 4;

/**
 * Runs of this many single-character tokens or more are names, transliterations or
 * classical quotations (帕莫斯顿, 森喜朗), not slips: the lexicon does not know them, and
 * a "correction" there would be a guess.
 */
export const MAX_SINGLE_RUN = 3;
