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

/**
 * The gain a slip must clear once the model is learned from an archive of at least
 * ARCHIVE_MIN_CHARACTERS: the pairs that archive writes (its set terms, 治国理政, the usual
 * false alarms at lower gains) are attested and never suspected, so a pair it has never
 * written is itself evidence. Chosen on half A (600 articles; model learned from half B,
 * 3.2 M characters; the rule's false alarms per 10k, all tiers, and non-word recall):
 *   gain ≥ 9: 0.23, recall 0.27;  ≥ 10: 0.13, 0.21;  ≥ 11: 0.05, 0.15
 * (recall counts only wrong-char's own findings; fixed-phrase reports many more, see yieldsTo).
 */
export const MIN_GAIN_WITH_ARCHIVE = 10;

/**
 * Characters of learned archive from which MIN_GAIN_WITH_ARCHIVE applies. Half A, gain ≥ 10,
 * model learned from 1 M characters of half B: 0.23 false alarms per 10k (too few pairs
 * attested); from 2 M: 0.13, as from all 3.2 M.
 */
export const ARCHIVE_MIN_CHARACTERS = 2_000_000;

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

/**
 * The context tier (real-word swaps, context.ts). Chosen on half A of the development
 * corpus, with the context counts learned from half B, every member of the 55 pairs
 * swapped in place at each occurrence and judged (the wrong-char-context family of
 * bench/dev-quality.ts samples the same swaps). False alarms per 10k clean characters,
 * and recall of swaps of a character standing alone (在→再):
 *   ratio ≥ e^2: 0.074, recall 0.196;  e^3: 0.060, 0.190;  e^4: 0.054, 0.179;  e^5: 0.040, 0.158.
 * e^3 is where the alarms stop falling fast; those left are variants both spellings allow
 * (所做的/所作的) and 在/再 decided by meaning (还将再安排).
 */
export const CONTEXT_MIN_LOG_RATIO = 3;

/** The partner must be written between the same neighbours at least this often (the model prunes below it). */
export { CONTEXT_MIN_SUPPORT } from '../../model/sections/corrections';

/**
 * A written character that makes a dictionary word this frequent (jieba) with a neighbour is
 * left alone: 制定 beside 制订, 作出 beside 做出 are variants or words of their own. Chosen
 * on half A (ratio ≥ e^3): no guard 0.164 false alarms per 10k; ≥ 500: 0.077; ≥ 50: 0.060;
 * any word at all (≥ 1) 0.051, but it loses nearly every swap inside a word that makes
 * another word (recall 0.21 → 0.02).
 */
export const CONTEXT_MAX_WRITTEN_WORD_FREQ = 50;

/** Add-α smoothing of the context counts: an unseen neighbour is rare, not impossible. */
export const CONTEXT_SMOOTHING = 0.5;
