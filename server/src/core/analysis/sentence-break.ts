/**
 * Does a line stop a sentence, and does the next line carry the same sentence on?
 * Shared by broken-paragraph (a paragraph split mid-sentence), stray-digits (a page
 * marker or line number between two halves of a sentence) and the learner of line
 * statistics. Everything here reads one line at a time; the lexicon answers the
 * questions about words (表|示 → 表示, a line ending on a preposition).
 */
import type { Lexicon } from '../lexicon';
import { segment } from '../segmenter';
import { hanWindowEnd, hanWindowStart, isHanAt, isHanBefore, isHanChar } from './han';
import { isWhiteSpaceCode, type TextModel } from '../text';
import { isPageMarkerLine } from './page-marker';
import { widthExceeds } from './line-width';

// The line widths moved to line-width.ts; broken-paragraph and the characters learner still read them here.
export { displayWidth, hardWrapWidth, WRAP_SLACK } from './line-width';

/** Marks that end a sentence; a line ending on one is finished. */
const TERMINAL = '。！？!?…';
/** Marks that may end a line on purpose: list items (；), lead-ins (：), dashes before a headline. */
const LINE_FINAL = TERMINAL + '；;：:—～~';
/** Clause marks: they occur inside prose, almost never inside a headline. */
const CLAUSE = '，、；,;';
const OPENERS = '“‘《（(「『【〔［[〈';
const CLOSERS = '”’》）)」』】〕］]〉';
/** A line never starts with these: the previous line must have been cut. */
const NEVER_LINE_INITIAL = '，、。；：？！,;';
const BLANK = ' \t\u3000\u00a0';

// Patterns are module constants: a regex literal inside a function is a new object
// on every call, and these run once or more per line of a draft.
const ALNUM_CHAR = /^[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a%]$/;
const DECK_START = /^[▶【]/;
const SUBTITLE_DASH = /^(?:——|—|－－|--)/;
const PHOTO_CAPTION = /^图为/;
const REPORTING_PREDICATE = /^(?:介绍|表示|指出|强调|认为|说|称|坦言|透露|建议|提出|要求|回忆|感慨|告诉记者)[，,：:]/;

export function isAlnumChar(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM_CHAR.test(ch);
}

/** The line without leading and trailing blanks (spaces, tabs, ideographic spaces, Markdown hard breaks). */
export function trimLine(line: string): string {
  const start = trimmedStart(line, 0, line.length);
  return line.slice(start, trimmedEnd(line, start, line.length));
}

/** Where trimLine's result starts, for the line text[start, end). */
export function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && BLANK.includes(text[start])) start++;
  return start;
}

/** Where trimLine's result ends, for the line text[start, end) already trimmed at its start. */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && (BLANK.includes(text[end - 1]) || text[end - 1] === '\\')) end--;
  return end;
}

export type LineEndKind =
  /** a Han character: the strongest sign of an unfinished line */
  | 'han'
  /** a comma or enumeration comma: never the end of a paragraph */
  | 'comma'
  /** an opening quote or bracket */
  | 'opener'
  /** a closing quote or bracket after words, not after a sentence end */
  | 'closer'
  /** a digit or Latin letter */
  | 'alnum'
  /** sentence-final punctuation, a lead-in colon, a dash, or anything else */
  | 'closed';

/** How a (trimmed) line ends. */
export function lineEndKind(line: string): LineEndKind {
  if (line.length === 0) return 'closed';
  if (isHanBefore(line, line.length)) return 'han';
  const last = line[line.length - 1];
  if (CLAUSE.includes(last) && last !== '；' && last !== ';') return 'comma';
  if (OPENERS.includes(last)) return 'opener';
  if (CLOSERS.includes(last)) {
    let i = line.length - 1;
    while (i > 0 && CLOSERS.includes(line[i - 1])) i--;
    if (i === 0) return 'closed';
    const before = line[i - 1];
    return LINE_FINAL.includes(before) ? 'closed' : 'closer';
  }
  if (isAlnumChar(last)) return 'alnum';
  return 'closed';
}

export type LineStartKind = 'han' | 'punct' | 'opener' | 'alnum' | 'other';

/** How a (trimmed) line starts. */
export function lineStartKind(line: string): LineStartKind {
  if (line.length === 0) return 'other';
  if (isHanAt(line, 0)) return 'han';
  const first = line[0];
  if (NEVER_LINE_INITIAL.includes(first)) return 'punct';
  if (OPENERS.includes(first)) return 'opener';
  if (isAlnumChar(first)) return 'alnum';
  return 'other';
}

export function clauseMarks(line: string): number {
  let n = 0;
  for (const ch of line) if (CLAUSE.includes(ch)) n++;
  return n;
}

/** Marks that only running text puts between clauses: a full comma, semicolon or colon (an enumeration comma 、 also lists names in a headline). */
const BODY_CLAUSE = '，,；;：:';

/**
 * How many full clause marks the line has outside quotation marks and brackets: a
 * colon inside a quoted title (“中国与世界：合作 共赢”) or a comma inside a book title
 * belongs to the title, not to the line.
 */
export function bodyClauseMarks(line: string): number {
  let depth = 0;
  let n = 0;
  for (const ch of line) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && BODY_CLAUSE.includes(ch)) n++;
  }
  return n;
}

/** A blank between two Han characters: headlines set their pauses with spaces (俄称… 乌称…), running text never does. */
export function hasHeadlineSpace(line: string): boolean {
  return /\p{Script=Han}[ \t\u3000]+\p{Script=Han}/u.test(line);
}

/**
 * A name, place or column before a colon (李明：…, 某市七星区：…, 央视快评：…): a headline's
 * form, not a clause mark of running text. A lede's colon follows a source in brackets
 * (…消息（…）：) or a longer clause (记者从某部门获悉：).
 */
const LABEL_COLON = /^[^，,；;：:\s（）()]{1,10}[：:]/;

/**
 * The line is running text, not a heading: a full comma, semicolon or colon outside
 * quotes (a headline sets its pauses with spaces; a label's colon does not count), or
 * a sentence end inside it.
 */
export function isRunningText(line: string): boolean {
  if (hasInnerSentenceEnd(line)) return true;
  const marks = bodyClauseMarks(line) - (LABEL_COLON.test(line) ? 1 : 0);
  return marks > 0 && !hasHeadlineSpace(line);
}

/** A line that ends a sentence (…。 …？” ), as a paragraph of running text does. */
const SENTENCE_END = /[。！？!?…][”’」』）)]*$/;

/** Share of a headline's character pairs that its lede repeats, more than (see isUnechoedLine): any one will do. */
const ECHO_MIN = 0;
/** Character pairs a line needs before the share means anything (five Han characters in a row). */
const ECHO_MIN_PAIRS = 4;

/**
 * An unpunctuated line that is no headline, read from the line after it: a headline's
 * words recur in the lede it leads (全省新建二十所乡村学校 / 记者获悉，今年全省新建二十所
 * 乡村学校…), and half a sentence does not repeat itself. Measured on half A of the
 * development corpus, 99.6% of sub-headlines share more than ECHO_MIN of their pairs of
 * adjacent characters with the next line, and half the sentences cut between two words
 * share none; a higher share catches more cuts but as many round-up headlines whose lede
 * starts elsewhere. The next line must be running text starting on a Han character (a
 * stack of lines without a sentence in them is a display head); a headline's spaces, a
 * label's colon or a line too short to measure (a name) say headline.
 */
export function isUnechoedLine(line: string, next: string): boolean {
  if (lineStartKind(next) !== 'han' || !(isRunningText(next) || SENTENCE_END.test(next))) return false;
  if (hasHeadlineSpace(line) || LABEL_COLON.test(line)) return false;
  const pairs = hanPairs(line);
  if (pairs.size < ECHO_MIN_PAIRS) return false;
  const below = hanPairs(next);
  let shared = 0;
  for (const pair of pairs) if (below.has(pair)) shared++;
  return shared / pairs.size <= ECHO_MIN;
}

/** The distinct pairs of adjacent Han characters of a line. */
function hanPairs(line: string): Set<string> {
  const out = new Set<string>();
  let previous = '';
  for (const ch of line) {
    const han = isHanChar(ch);
    if (han && previous) out.add(previous + ch);
    previous = han ? ch : '';
  }
  return out;
}

/**
 * Whether the document sets its paragraphs apart with blank lines: most breaks between
 * two lines with text cross one (page markers aside). In a draft with one paragraph a line, a line is a
 * paragraph, and a blank line turns up only where something went wrong.
 */
export function setsParagraphsApartWithBlankLines(text: TextModel): boolean {
  const masked = text.masked;
  let blank = 0;
  let single = 0;
  let last = -1;
  for (let line = 0; line < text.lineCount; line++) {
    const end = text.lineEnd(line);
    let i = text.lineStart(line);
    while (i < end && isWhiteSpaceCode(masked.charCodeAt(i))) i++;
    if (i === end) continue;
    // A page marker stands between two pages, not two paragraphs.
    const first = masked.charCodeAt(i);
    if (first >= 0x30 && first <= 0x39 && isPageMarkerLine(masked.slice(i, end).trim())) {
      last = -1;
      continue;
    }
    if (last >= 0) {
      if (line - last > 1) blank++;
      else single++;
    }
    last = line;
  }
  return blank >= single;
}

/** A sentence ends inside the line and another begins after it (“…已经完成。该县”). */
export function hasInnerSentenceEnd(line: string): boolean {
  for (let i = 0; i < line.length - 1; i++) {
    if (!TERMINAL.includes(line[i])) continue;
    let j = i + 1;
    while (j < line.length && (CLOSERS.includes(line[j]) || TERMINAL.includes(line[j]))) j++;
    if (j < line.length && isHanAt(line, j)) return true;
  }
  return false;
}

/** No clause or sentence marks at all, and short: a headline, label, byline or masthead field. */
export function isHeadlineShaped(line: string, maxWidth: number): boolean {
  if (widthExceeds(line, maxWidth)) return false;
  for (const ch of line) if (CLAUSE.includes(ch) || TERMINAL.includes(ch)) return false;
  return true;
}

const MARKDOWN_BLOCK = /^(?:#{1,6}[ \t]|>|\|.*\|$|[-*+][ \t]|\d{1,3}[.)][ \t]|`{3}|~{3}|-{3,}$|\*{3,}$|_{3,}$)/;
const BULLET = /^[■□◆◇●○★☆▲△►▪]/;
const BYLINE = /^[□■]?[ \t\u3000]*(?:本报|本刊|新华社|人民日报)?(?:特约|实习|见习|首席|驻\S{1,4})?(?:记者|通讯员|评论员|撰稿人)/;
const EDITOR = /^(?:责任编辑|编辑|责编|美编|校对|版式|组版|编审|审校|监制|统筹)(?:[:：\s]|$)/;
const JUMP = /^[（(]?(?:下转|上接|转第|接第|紧接)/;
const CAPTION = /(?:^|[\s。！？）)”])[^\s。！？，、,]{1,14}(?:摄|摄影|摄影报道|供图|制图|绘图)$/;
/** The last character a caption can end on: the caption pattern is only tried on lines ending so. */
const CAPTION_LAST = new Set(['摄', '影', '道', '图']);
const SOURCE = /^(?:来源|作者|专访嘉宾|嘉宾|主持人|出品|监制|策划|图片来源|资料来源|图\d*)[:：]/;
/**
 * A line that is one bracketed note and nothing else: the date under a title (（2024年1月1日）), a credit
 * (（记者 某某）), (完). It stands on a line of its own by design; a sentence wrapped into brackets goes on after them.
 */
const BRACKETED_LINE = /^[（(][^（）()]*[）)]$/;
const DATELINE = /^(?:本报讯|据新华社|新华社|中新社|据[^\s，。]{1,8}报道|本报[^\s，。]{1,8}电)/;
const LIST_ITEM =
  /^(?:[一二三四五六七八九十]+[、．.]|[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、．]|\d{1,3}\.(?!\d)|[①-⑳]|第[一二三四五六七八九十]+[，、,：:]|首先[，,]|其次[，,]|最后[，,])/;

/**
 * A line that is a unit by nature and ends where it ends: a heading, byline, caption,
 * editor credit, jump line, source line, table row or deck bullet.
 */
export function isSelfContainedLine(line: string): boolean {
  return (
    MARKDOWN_BLOCK.test(line) ||
    BULLET.test(line) ||
    (BYLINE.test(line) && clauseMarks(line) === 0) ||
    EDITOR.test(line) ||
    JUMP.test(line) ||
    SOURCE.test(line) ||
    (CAPTION_LAST.has(line[line.length - 1]) && CAPTION.test(line) && !/拍摄$/.test(line))
  );
}

/**
 * A line that opens something new, so it cannot carry on the previous sentence:
 * a heading, list item, byline, dateline, deck bullet, subtitle dash, jump line, a bracketed note.
 */
export function startsNewUnit(line: string): boolean {
  return (
    MARKDOWN_BLOCK.test(line) ||
    BULLET.test(line) ||
    DECK_START.test(line) ||
    SUBTITLE_DASH.test(line) ||
    // “记者从会上获悉，…” carries a sentence; a byline is names only.
    (BYLINE.test(line) && clauseMarks(line) === 0) ||
    EDITOR.test(line) ||
    JUMP.test(line) ||
    SOURCE.test(line) ||
    DATELINE.test(line) ||
    LIST_ITEM.test(line) ||
    PHOTO_CAPTION.test(line) ||
    BRACKETED_LINE.test(line)
  );
}

/** The line opens with a list number (一、 （一） 第二， 1.): unpunctuated at its end, it is a numbered heading. */
export function opensNumberedItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/**
 * How a news lede opens: a source dateline (…消息（…）：, …电, 据…报道), a time first
 * (当地时间, 今天（…）, 1月5日, 5日，), a subject with the day it acted (某部门25日宣布),
 * or the reporter (记者从…获悉). The line before one is the headline it leads from.
 */
const LEDE =
  /^(?:[^\s，。：:]{0,12}(?:消息|电|讯)[ \t]*[（(：:]|据[^，。]{1,16}(?:报道|消息)|(?:当地时间|北京时间)|(?:今天|昨天|今日|昨日|近日|日前|当天|当日)[（(，,]|\d{1,2}月\d{1,2}日|\d{1,2}日[，,晚早上下中]|[^，。：:“”]{1,16}?\d{1,2}日(?:[晚早]间?|[上下中]午)?(?:在|从|就|对|向|与|同|发布|宣布|表示|称|说|报道|举行|召开|公布|发表)|记者[^，。]{0,20}(?:获悉|了解到))/;

export function opensLede(line: string): boolean {
  return LEDE.test(line);
}

const PAIR_CLOSER: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': ')',
  '【': '】',
  '〔': '〕',
  '「': '」',
  '『': '』',
  '〈': '〉',
};

/**
 * The opening mark the line leaves open and the next line closes first (国务院印发《关于⏎
 * 进一步…》): a title, quotation or parenthesis cut by the break. A headline closes its
 * own marks; a quotation left open over a paragraph end is paired-punctuation's to judge,
 * so the next line must close it.
 */
export function openedAcross(line: string, next: string): string | null {
  const stack: string[] = [];
  for (const ch of line) {
    if (ch in PAIR_CLOSER) stack.push(ch);
    else if (stack.length > 0 && PAIR_CLOSER[stack[stack.length - 1]] === ch) stack.pop();
  }
  const open = stack[stack.length - 1];
  if (!open) return null;
  const closer = PAIR_CLOSER[open];
  for (const ch of next) {
    if (ch === closer) return open;
    if (ch === open || ch === '\n' || TERMINAL.includes(ch)) return null;
  }
  return null;
}

/** Parts of speech of a one-word first clause that completes the clause before it (…数据⏎显示，; …发表⏎社论，): verbs, nouns, adjectives, pronouns. */
const COMPLETING_POS = /^(?:v|vn|n|nz|ns|nt|a|r)$/;

/**
 * The line opens with a one-word clause that cannot stand as a paragraph's start: a
 * verb or noun alone before a comma (显示，… / 社论，…). A paragraph opens with a
 * subject and its verb, a time or a linking word (同时，此外，目前，王毅说，).
 */
export function opensWithFragment(lexicon: Lexicon, line: string): string | null {
  const m = /^(\p{Script=Han}{1,3})[，,]/u.exec(line);
  if (!m) return null;
  const tokens = segment(lexicon, m[1]);
  if (tokens.length !== 1) return null;
  const pos = lexicon.pos(tokens[0].word) ?? '';
  return COMPLETING_POS.test(pos) ? tokens[0].word : null;
}

/** Reporting verbs that open a news sentence (“会议提出，”): a line with one is prose, not a headline. */
const REPORTING = /^[^，,：:。]{0,12}?(?:提出|表示|指出|强调|要求|介绍|认为|说|称|透露|坦言|建议|明确|获悉|了解到|显示|发现|通报|部署)[，,]/;

export function opensWithReport(line: string): boolean {
  return REPORTING.test(line);
}

/** The line starts with the predicate of a reported sentence (“介绍，…”): its subject is on the line before. */
export function startsWithReportingVerb(line: string): boolean {
  return REPORTING_PREDICATE.test(line);
}

/** The trailing run of Han characters (at most `max`). */
export function hanTail(line: string, max: number): string {
  return line.slice(hanWindowStart(line, line.length, max));
}

/** The leading run of Han characters (at most `max`). */
export function hanHead(line: string, max: number): string {
  return line.slice(0, hanWindowEnd(line, 0, max));
}

/** Least frequency for a word that bridges a break to count as evidence. */
const BRIDGE_MIN_FREQ = 50;

/**
 * The word that a break cuts in two, if the best segmentation of the joined text
 * puts one across it: “负责人表” + “示，将” → 表示. `left` ends and `right` starts
 * at the break; only their Han edges are read.
 */
export function bridgingWord(lexicon: Lexicon, left: string, right: string, minFreq = BRIDGE_MIN_FREQ): string | null {
  const tail = hanTail(left, 4);
  const head = hanHead(right, 4);
  if (!tail || !head) return null;
  const joined = tail + head;
  const cut = tail.length;
  for (const token of segment(lexicon, joined)) {
    if (token.start >= cut || token.end <= cut || token.end - token.start < 2) continue;
    if (lexicon.freq(token.word) >= minFreq) return token.word;
    // A rare compound (医疗卫生) still vouches through a common word inside it that spans the cut (医疗).
    let best: string | null = null;
    let bestFreq = minFreq - 1;
    for (let a = token.start; a < cut; a++) {
      for (let b = cut + 1; b <= token.end; b++) {
        if (a === token.start && b === token.end) continue;
        const freq = lexicon.freq(joined.slice(a, b));
        if (freq > bestFreq) {
          best = joined.slice(a, b);
          bestFreq = freq;
        }
      }
    }
    return best;
  }
  return null;
}

/** Parts of speech after which a clause cannot stop: prepositions, conjunctions, structural particles. */
const NON_FINAL_POS = new Set(['p', 'c', 'uj', 'uv', 'ud', 'uz', 'ug', 'u']);
/** Auxiliaries and adverbs that always want a verb after them (some are nouns too: 工作会, 纲要). */
const NON_FINAL_WORDS = new Set([
  '要',
  '会',
  '能',
  '可',
  '应',
  '需',
  '须',
  '将',
  '把',
  '被',
  '让',
  '使',
  '给',
  '即',
  '均',
  '已',
  '正',
  '曾',
  '更',
  '还',
  '也',
  '都',
  '就',
  '又',
  '才',
  '并',
  '且',
]);

/**
 * The line ends on a word that cannot end a clause: a preposition, conjunction or
 * particle (“…，并”, “…建立新的”). With `strict` only those; otherwise also an
 * auxiliary or adverb (“…会议将”) and, on a prose line, a pronoun left without its
 * verb (“…在这方面，我们”). A headline-shaped line is judged strictly, because 会, 要
 * and their kin end headlines as nouns.
 */
export function endsOnFunctionWord(lexicon: Lexicon, line: string, mode: 'strict' | 'clause' | 'prose'): string | null {
  const tail = hanTail(line, 6);
  if (!tail) return null;
  const tokens = segment(lexicon, tail);
  const last = tokens[tokens.length - 1];
  if (!last) return null;
  let pos = lexicon.pos(last.word);
  // 地 ends an adverbial only after an adjective or adverb (积极地⏎推进); after anything else it is a place (多地, 等地).
  if (pos === 'uv') {
    const before = tokens[tokens.length - 2];
    const beforePos = before ? (lexicon.pos(before.word) ?? '') : '';
    if (!/^(?:a|ad|an|d|z)$/.test(beforePos)) pos = 'n';
  }
  if (pos && NON_FINAL_POS.has(pos) && !NON_FINAL_WORDS.has(last.word) && last.word !== '之') return last.word;
  if (mode === 'strict') return null;
  if (NON_FINAL_WORDS.has(last.word) || (pos && NON_FINAL_POS.has(pos))) return last.word;
  if (mode === 'prose' && (pos === 'r' || pos === 'd') && last.word.length <= 2) return last.word;
  return null;
}

/** The line starts on a particle that cannot start a sentence (“的重要作用”). */
export function startsOnParticle(lexicon: Lexicon, line: string): string | null {
  const head = hanHead(line, 6);
  if (!head) return null;
  const first = segment(lexicon, head)[0];
  if (!first) return null;
  const pos = lexicon.pos(first.word);
  return pos === 'uj' || pos === 'uv' || pos === 'ud' || pos === 'uz' || pos === 'ug' || pos === 'ul' ? first.word : null;
}

/**
 * The line opens with a word that cannot start a headline, an entry or a paragraph:
 * an adverb, conjunction or particle (还开展了…, 并…), not set off by a comma. After a line break this
 * is what tells a sentence running on from a new block that happens to follow an
 * unfinished-looking line.
 */
export function startsAsContinuation(lexicon: Lexicon, line: string): string | null {
  const head = hanHead(line, 6);
  if (!head) return null;
  const first = segment(lexicon, head)[0];
  if (!first) return null;
  const pos = lexicon.pos(first.word) ?? '';
  if (!/^(d|p|c|u[a-z]?)$/.test(pos)) return null;
  // A linking word set off by a comma (同时，此外，) and a preposition opening a
  // clause (在…中，随着…，为了…，) start paragraphs as often as they carry one on.
  if (pos === 'p' || /^[，,]/.test(line.slice(first.end))) return null;
  return first.word;
}
