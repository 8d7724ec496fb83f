/** The thresholds and tag sets the judgement of repeats reads the lexicon with. */

/**
 * Thresholds on jieba frequencies (the dictionary's total is about 60 million).
 * WORD_FREQ: a word the dictionary really knows; below ~5 it carries noise entries
 * (度度 3, 局局长 3, 提提 3).
 */
export const WORD_FREQ = 10;
/** A longer dictionary word around the repeat (钉钉子 3, 手把手 36) is read whole even when rare. */
export const COVER_FREQ = 3;
/**
 * A word the doubling broke (央视网 3, 研究生): listed at all, above jieba's
 * noise floor of 1–2, is enough, since two strong words meeting still explain it.
 */
export const BROKEN_WORD_FREQ = 3;
/** A doubled noun the dictionary knows above its noise floor (乡乡 7, 县县 27; 茶茶 3 is noise). */
export const DISTRIBUTIVE_FREQ = 5;
/**
 * A doubled character the dictionary lists at all (节节 2, 腾腾 3, 欣欣 3) is a
 * reduplication when neither copy belongs to a word beside it: jieba's floor of 1
 * carries stray entries, 2 and above are forms it saw. Chosen on half A.
 */
export const LISTED_REDUPLICATION_FREQ = 2;
export const NAME_SURNAME_FREQ = 500;
/** Characters in a row that no dictionary word holds before a doubled one: a transliterated name (拉瓦卢马纳纳). */
export const NAME_RUN = 2;
/**
 * How far a doubled character may stand from the dot of a foreign name (拉菲克·哈里里)
 * and still be read as part of it: transliterated name parts run to four
 * characters before the next word begins. Chosen on half A.
 */
export const FOREIGN_NAME_PART = 3;
/** A coined name in quotation marks (“冰墩墩”) runs to four characters; a longer quoted run is a phrase. */
export const MAX_COINAGE = 4;
export const VERB_FREQ = 500;
/**
 * A common word on the left makes a rare word on the right acceptable (医院|院办 2),
 * and lets a function word follow it as its own copy (机会|会很快, 反对|对俄).
 */
export const STRONG_WORD_FREQ = 100;
/**
 * Two listed words the best reading has meet on the copy (野火 29|火情 7, 特产税
 * 7|税率 210): the product of their frequencies must reach WORD_FREQ², what two
 * words at the dictionary's floor of real words give. On half A (35k injected
 * first, middle and last doubles) it costs 14 of them and 3 of 43 false alarms.
 */
export const BOUNDARY_PAIR_ODDS = WORD_FREQ * WORD_FREQ;
/** …with the left word at least this frequent: a slip at a word's start needs only a stray listed word ending with it (jieba's noise floor is 1–3). */
export const LEFT_WORD_FLOOR = 5;
/** …and the right word listed at all (医院|院办 2). */
export const RIGHT_WORD_FLOOR = 2;
/** A word common enough that cutting it in two means the cut is wrong (行动 in 促进|进行|动; 长石 197 is not). */
export const ESTABLISHED_WORD_FREQ = 1000;
/**
 * A head character builds nouns on the words before it (统战+部, 生态环境+部,
 * 宣传+处): it ends at least HEAD_NOUNS established nouns and ends more nouns
 * than it starts by HEAD_RATIO. 部 ends 169 nouns and starts 24, 处 51/15, 市 246/42;
 * 提 13/6, 国 178/153 and 社 52/32 do not qualify, so 不断提|提高 and 民族社|社区
 * stay slips. Chosen on half A of the development corpus.
 */
export const HEAD_NOUNS = 30;
/** Posts run to five characters (新闻发言人); longer ones are not looked for. */
export const MAX_TITLE_LENGTH = 5;
export const HEAD_RATIO = 3;
/** Copulas and auxiliaries are what typists double (是是, 有有), not verbs taking an object. */
export const AUXILIARY_VERBS = /^[是有要会能可将让使被把得在为]$/;
/** Digits written as characters: a run of them is a number (二零零零年), not a doubled word. */
export const CHINESE_DIGITS = /^[零〇一二三四五六七八九]$/;
/** Numerals other than 一 before a doubled measure word make it a typo (三个个), while 一个个 is grammar. */
export const NUMERALS = /[二三四五六七八九十百千万亿两几0-9０-９]/;
export const FUNCTION_POS = /^(p|u|c|d|r|y|e|o|uj|ul|uz|ug|uv|ud)$/;
export const PARTICLE_POS = /^(u|uj|ul|uz|ug|uv|ud|y|e)$/;
/** Nominal parts of speech in jieba's tag set (nouns, places, organisations, abbreviations, time words). */
export const NOMINAL_POS = /^(n|nr|ns|nt|nz|nrt|nrfg|ng|vn|an|j|t|s|l)$/;
