/**
 * broken-paragraph: a sentence cut in two by a line or paragraph break, as copying
 * from a PDF or a narrow layout column leaves it (负责人表 / 示，将…). A break is
 * reported when the line before it stops without a sentence end and the line after
 * carries on, and something says so: a word runs across the break (表|示), the line
 * ends on a word that cannot end a clause (…，并 / …建立新的), the next line starts
 * on a particle or a comma, the line is prose (several clauses, a finished sentence
 * inside it, a reporting verb) or fills the document's hard-wrap width. Where the
 * document does not set paragraphs apart with blank lines (one paragraph a line), a
 * line is a paragraph: one with a full comma or colon of running text that stops
 * unfinished is cut, and so is an unpunctuated one whose words the next line does not
 * repeat, as a lede repeats its headline's. It
 * deliberately ignores headlines and two-line display heads, bylines, datelines,
 * captions (…摄), editor credits, masthead fields, jump lines, list items, lines
 * that end a sentence, Markdown headings, lists, tables and soft line breaks, and
 * breaks across a page marker (stray-digits joins those). How long a headline runs
 * is learned from the corpus (characters.headlines).
 */
import type { CharactersSection } from '../model/sections/characters';
import { DEFAULT_HEADLINE_P90 } from '../model/sections/characters';
import type { Lexicon } from '../lexicon';
import { isWhiteSpaceCode, type TextModel } from '../text';
import type { Rule, RuleContext } from '../types';
import { isPageMarkerLine } from '../analysis/page-marker';
import { isHighSurrogate, isLowSurrogate } from '../analysis/han';
import { segment } from '../segmenter';
import {
  startsAsContinuation,
  bridgingWord,
  isRunningText,
  isUnechoedLine,
  setsParagraphsApartWithBlankLines,
  clauseMarks,
  displayWidth,
  endsOnFunctionWord,
  hardWrapWidth,
  hanTail,
  hasInnerSentenceEnd,
  isHeadlineShaped,
  isSelfContainedLine,
  lineEndKind,
  lineStartKind,
  opensLede,
  opensNumberedItem,
  opensWithFragment,
  openedAcross,
  opensWithReport,
  startsNewUnit,
  startsOnParticle,
  startsWithReportingVerb,
  trimmedEnd,
  trimmedStart,
  WRAP_SLACK,
  type LineEndKind,
  type LineStartKind,
} from '../analysis/sentence-break';

interface ContentLine {
  line: number;
  /** The line without surrounding blanks. */
  text: string;
  /** Offsets of the trimmed text in the document. */
  start: number;
  end: number;
  /** Display width of the whole line, indentation included. */
  width: number;
}

export const brokenParagraph: Rule = {
  meta: {
    id: 'broken-paragraph',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'safe',
    scope: 'document',
    docs: {
      summary: '段落在句中断开',
      gloss: 'A paragraph split mid-sentence by copy-paste',
      why: '从 PDF、排版软件或窄栏版面复制文字时，硬回车会留在句子中间，甚至把一个词拆成两半（表／示）。见报后读者看到的是莫名其妙的断段。本规则只在有证据时报告：词被拆开、行尾是介词连词或助词、下一行以助词或逗号开头、上一行是完整的叙述句或排满了版面行宽；一段一行的稿件里，带逗号的叙述行停在半句，或者不带标点、下一行又没有重述其词语（导语会重述标题）的行，也算断开；标题、署名、图片说明、列表项不报。',
      example: { bad: '该院负责人表\n\n示，将继续推进改革。', good: '该院负责人表示，将继续推进改革。' },
    },
  },
  checkDocument(ctx) {
    const text = ctx.text;
    const markdown = text.language === 'markdown';
    const headlineMax = headlineWidth(ctx.model.characters);
    const lines = contentLines(text);
    const wrapWidth = hardWrapWidth(lines.map((l) => l?.width ?? 0));
    const series = headingSeries(lines);
    const blankLayout = setsParagraphsApartWithBlankLines(text);
    const breaks: Break[] = [];
    for (let i = 1; i < lines.length; i++) {
      const previous = lines[i - 1];
      const next = lines[i];
      if (!previous || !next) continue;
      const gap = next.line - previous.line - 1;
      // Markdown joins soft-wrapped lines itself; only a hard break (two spaces, backslash) shows.
      if (markdown && gap === 0 && !/(?: {2}|\\)$/.test(text.lineText(previous.line))) continue;
      // A line after a lead-in colon (文章全文如下：) is a title or an item it introduces.
      const introduced = /[：:]$/.test(lines[i - 2]?.text ?? '');
      const layout: BreakLayout = { first: isFirstContent(lines, i - 1), inSeries: series.has(previous), introduced, inParagraph: gap === 0 || !blankLayout };
      const reason = judgeBreak(ctx, previous, next, gap === 0, headlineMax, wrapWidth, layout);
      if (reason) breaks.push({ previous, next, reason });
    }
    for (const chain of chains(breaks)) {
      if (chain.length >= CHAIN_MIN) reportChain(ctx, chain);
      else for (const b of chain) report(ctx, b.previous, b.next, b.reason);
    }
  },
};

interface Break {
  previous: ContentLine;
  next: ContentLine;
  reason: string;
}

/**
 * A paragraph pasted from a hard-wrapped PDF breaks at every visual line. Three or
 * more breaks in a row are one defect to an editor — one paragraph to rejoin — and
 * one finding (with one fix) instead of a squiggle per line.
 */
const CHAIN_MIN = 3;

function chains(breaks: Break[]): Break[][] {
  const out: Break[][] = [];
  for (const b of breaks) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1].next === b.previous) last.push(b);
    else out.push([b]);
  }
  return out;
}

function reportChain(ctx: RuleContext, chain: Break[]): void {
  const raw = ctx.text.raw;
  const first = chain[0];
  const last = chain[chain.length - 1];
  const offset = first.previous.end - (isLowSurrogate(raw.charCodeAt(first.previous.end - 1)) ? 2 : 1);
  const end = last.next.start + (raw.codePointAt(last.next.start)! > 0xffff ? 2 : 1);
  const edits = chain.map(({ previous, next }) => {
    const keepSpace = /[A-Za-z0-9]$/.test(previous.text) && /^[A-Za-z0-9]/.test(next.text);
    return { offset: previous.end, length: next.start - previous.end, newText: keepSpace ? ' ' : '' };
  });
  ctx.report({
    offset,
    length: end - offset,
    message: `段落被硬换行拆成 ${chain.length + 1} 行，应接排为一段`,
    evidence: `${first.reason}；此后 ${chain.length - 1} 处换行同样落在句中。`,
    fixes: [{ title: `接排为一段（合并 ${chain.length} 处换行）`, edits }],
  });
}

/** Lines with prose in them, in order; null where a barrier (masked code, a page marker) stands between. */
function contentLines(text: TextModel): Array<ContentLine | null> {
  const out: Array<ContentLine | null> = [];
  const masked = text.masked;
  // Bounds first, one substring per line: a hard-wrapped draft has tens of thousands of lines.
  for (let line = 0; line < text.lineCount; line++) {
    const start = text.lineStart(line);
    const end = text.lineEnd(line);
    let visibleEnd = end;
    while (visibleEnd > start && isWhiteSpaceCode(masked.charCodeAt(visibleEnd - 1))) visibleEnd--;
    if (visibleEnd === start) {
      if (text.lineText(line).trim() !== '') out.push(null);
      continue;
    }
    const from = trimmedStart(masked, start, end);
    const to = trimmedEnd(masked, from, end);
    const trimmed = masked.slice(from, to);
    if (isPageMarkerLine(trimmed)) {
      out.push(null);
      continue;
    }
    // A line of nothing but blanks and Markdown break backslashes trims to nothing, placed at its start.
    const at = trimmed === '' ? start : from;
    out.push({ line, text: trimmed, start: at, end: at + trimmed.length, width: displayWidth(masked, start, visibleEnd) });
  }
  return out;
}

/**
 * A word the break cuts so that its first half cannot end a headline: the line ends
 * on a lone character that is no word of its own there (湾|区, 国|潮), not on a whole
 * word, a number's measure word or a particle (17倍|受, 多地|受).
 */
function splitWord(lexicon: Lexicon, p: string, n: string): string | null {
  const word = bridgingWord(lexicon, p, n);
  if (!word) return null;
  const tokens = segment(lexicon, hanTail(p, 4));
  const last = tokens[tokens.length - 1];
  if (!last || last.word.length > 1) return null;
  const pos = lexicon.pos(last.word) ?? '';
  return /^(?:m|q|u[a-z]?|f|p|c|r|d)$/.test(pos) ? null : word;
}

/** The line ends on a one-character conjunction (…，并 / …和): no headline ends so. */
function endsOnConjunction(lexicon: Lexicon, p: string): string | null {
  const tokens = segment(lexicon, hanTail(p, 4));
  const last = tokens[tokens.length - 1];
  return last && last.word.length === 1 && lexicon.pos(last.word) === 'c' ? last.word : null;
}

/** Where a break sits in the document's layout (see judgeBreak). */
interface BreakLayout {
  /** The line before the break is the document's first line of prose. */
  first: boolean;
  /** The line before the break is one of a series of headings (headingSeries). */
  inSeries: boolean;
  /** The line before the break follows a lead-in colon (文章全文如下：). */
  introduced: boolean;
  /** The break does not cross the document's paragraph separator: a single line break, or a blank line in a document that never sets paragraphs apart with them. */
  inParagraph: boolean;
}

/** The longest opening clause (五年来，) that marks a line as one of a series of headings. */
const SERIES_OPENING_MAX = 6;
/**
 * Lines opening alike that make a series: two paragraphs may both open with 会议要求，
 * and both be cut; the reports of the development corpus set five to eight headings so.
 */
const SERIES_MIN = 3;

/**
 * Lines that stop without a sentence end and open with the same short clause as
 * other such lines of the document (五年来，…取得新进展 / 五年来，…开创新局面): a
 * report's headings set as sentences. A sentence cut by a stray break is a slip,
 * one of a kind; the same opening left open again and again is the document's style.
 */
function headingSeries(lines: ReadonlyArray<ContentLine | null>): Set<ContentLine> {
  const byOpening = new Map<string, ContentLine[]>();
  for (const line of lines) {
    if (!line || lineEndKind(line.text) !== 'han') continue;
    const comma = line.text.search(/[，,]/);
    if (comma <= 0 || comma > SERIES_OPENING_MAX) continue;
    const opening = line.text.slice(0, comma);
    const group = byOpening.get(opening);
    if (group) group.push(line);
    else byOpening.set(opening, [line]);
  }
  const out = new Set<ContentLine>();
  for (const group of byOpening.values()) if (group.length >= SERIES_MIN) for (const line of group) out.add(line);
  return out;
}

/**
 * The line opens as a news lede itself (…消息（…）：, 今天（…），) with the full clause
 * marks of running text: a lede paragraph, not a headline, whatever the next line
 * looks like (…：国家 / 主席习近平10日在… is one sentence cut, not a headline and its lede).
 */
function opensBody(line: string): boolean {
  return opensLede(line) && isRunningText(line);
}

/** Whether lines[i] is the document's first line of prose. */
function isFirstContent(lines: ReadonlyArray<ContentLine | null>, i: number): boolean {
  for (let k = 0; k < i; k++) if (lines[k]) return false;
  return true;
}

function headlineWidth(characters: CharactersSection | undefined): number {
  const learned = characters?.headlines;
  if (!learned || learned.count < 5) return DEFAULT_HEADLINE_P90;
  return Math.min(30, Math.max(16, learned.p90));
}

/**
 * Why the break at the end of `previous` cuts a sentence, or null when it may be a
 * real end (a headline, a label, a line that could stop there). Evidence is tried
 * cheapest first and the first found is enough: a hard-wrapped PDF has thousands of
 * breaks, and segmenting around each would cost more than the whole lint.
 */
function judgeBreak(
  ctx: RuleContext,
  previous: ContentLine,
  next: ContentLine,
  sameParagraph: boolean,
  headlineMax: number,
  wrapWidth: number | null,
  { first, inSeries, introduced, inParagraph }: BreakLayout,
): string | null {
  const p = previous.text;
  const n = next.text;
  const end = lineEndKind(p);
  if (end === 'closed') return null;
  const start = lineStartKind(n);
  if (start === 'other') return null;
  if (isSelfContainedLine(p) || startsNewUnit(n)) return null;

  const lexicon = ctx.lexicon;
  // A colon or comma outside quotes makes running text of a short line (…（新闻联播）：国家).
  const headlineP = isHeadlineShaped(p, headlineMax) && !isRunningText(p);
  const wrapped = wrapWidth !== null && previous.width >= wrapWidth - WRAP_SLACK;
  const evidence = new BreakEvidence(lexicon, p, n, end, start, headlineP, headlineMax, wrapped, wrapWidth);
  // A short line without clause marks after a blank line opens a new block: a headline or a label.
  const nextIsHeadline = !sameParagraph && isHeadlineShaped(n, headlineMax) && !/[。！？!?]$/.test(n);

  // A headline's place: the first line of the document, the line before a news lede
  // (…消息：, 当地时间…, 某部门25日宣布…), or a numbered line (一、… （三）…) of a report. A headline there may be long, carry commas and
  // spaces, and end on any word (…多地, …推进会, …准备着); only a line that cannot start a
  // paragraph — on a comma or a particle — or a finished sentence inside the line says
  // the break cuts a sentence.
  if (
    (end === 'han' || end === 'closer' || end === 'alnum') &&
    (first || ((opensLede(n) || opensNumberedItem(p)) && !opensBody(p))) &&
    !hasInnerSentenceEnd(p) &&
    !opensWithReport(p) &&
    !wrapped
  ) {
    if (start === 'punct') return `下一行以标点“${n[0]}”开头`;
    const conjunction = end === 'han' ? endsOnConjunction(lexicon, p) : null;
    if (conjunction) return `行尾“${conjunction}”后句子未完`;
    const particle = startsOnParticle(lexicon, n);
    if (particle) return `下一行以“${particle}”开头`;
    const open = openedAcross(p, n);
    if (open) return `上一行的“${open}”到下一行才闭合`;
    const fragment = end === 'han' ? opensWithFragment(lexicon, n) : null;
    if (fragment) return `下一行以“${fragment}，”开头，接的是上一行的句子`;
    const word = end === 'han' && start === 'han' ? splitWord(lexicon, p, n) : null;
    return word ? `“${word}”被断行拆开` : null;
  }

  switch (end) {
    case 'han': {
      const reason = evidence.runOn();
      if (reason) return reason;
      if (inSeries || nextIsHeadline) return null;
      // Where the document does not set its paragraphs apart with blank lines, a line is a
      // paragraph: one that stops unfinished is running text cut, or a heading.
      if (inParagraph && evidence.bodyText()) return '上一行是未完的叙述句';
      if (inParagraph && !introduced && isUnechoedLine(p, n)) return '上一行不是标题：标题的词语会在下面的导语里重现，这里没有';
      if (headlineP) return null;
      if (!evidence.prose()) return null;
      // Across a blank line, a short unfinished-looking line is as often a headline with a
      // comma in it or a label: it needs long prose before the break or a continuation after it.
      if (!evidence.longProse() && !startsAsContinuation(lexicon, n)) return null;
      return '上一行是未完的叙述句';
    }
    case 'comma':
    case 'opener':
      if (start === 'alnum' && !wrapped && !evidence.prose()) return null;
      // A display head set in two lines may break after its comma (坚持党建引领，⏎推动高质量发展).
      if (sameParagraph && end === 'comma' && !wrapped && isHeadlineShaped(p.slice(0, -1), headlineMax) && isHeadlineShaped(n, headlineMax)) return null;
      if (nextIsHeadline && !evidence.runOn()) return null;
      return `上一行以“${p[p.length - 1]}”结尾`;
    case 'closer':
      if (!(evidence.prose() || wrapped) || !(start === 'han' || start === 'punct' || (start === 'opener' && wrapped))) return null;
      // 《…》 closing a list entry, then the next entry after a blank line.
      if (!sameParagraph && !wrapped && start !== 'punct' && !startsAsContinuation(lexicon, n)) return null;
      if (nextIsHeadline && !evidence.runOn()) return null;
      return wrapped ? `上一行排满了版面行宽（约 ${wrapWidth} 字）` : '上一行是未完的叙述句';
    case 'alnum':
      if (!(wrapped || (evidence.prose() && start === 'han'))) return null;
      if (!sameParagraph && !wrapped && !evidence.longProse()) return null;
      if (nextIsHeadline && !evidence.runOn()) return null;
      return wrapped ? `上一行排满了版面行宽（约 ${wrapWidth} 字）` : '上一行是未完的叙述句';
  }
  return null;
}

/**
 * The evidence about one break, each piece computed only when asked for: most
 * breaks are settled by the line shapes alone, before any segmentation.
 */
class BreakEvidence {
  private proseMemo: boolean | undefined;

  constructor(
    private readonly lexicon: Lexicon,
    private readonly p: string,
    private readonly n: string,
    private readonly end: LineEndKind,
    private readonly start: LineStartKind,
    private readonly headlineP: boolean,
    private readonly headlineMax: number,
    private readonly wrapped: boolean,
    private readonly wrapWidth: number | null,
  ) {}

  /** The line before the break is prose, not a headline or label. */
  prose(): boolean {
    const p = this.p;
    this.proseMemo ??=
      hasInnerSentenceEnd(p) ||
      opensWithReport(p) ||
      (clauseMarks(p) >= 1 && displayWidth(p) > this.headlineMax) ||
      (clauseMarks(p) >= 2 && displayWidth(p) >= 16);
    return this.proseMemo;
  }

  /** The line before the break is running text (see isRunningText). */
  bodyText(): boolean {
    return isRunningText(this.p);
  }

  longProse(): boolean {
    return hasInnerSentenceEnd(this.p) || displayWidth(this.p) >= 2 * this.headlineMax;
  }

  /** Why the next line carries on the sentence, if something says so. */
  runOn(): string | null {
    const { p, n, start } = this;
    if (start === 'punct') return `下一行以标点“${n[0]}”开头`;
    if (this.wrapped) return `上一行排满了版面行宽（约 ${this.wrapWidth} 字）`;
    if (start !== 'han') return null;
    if (startsWithReportingVerb(n)) return '下一行以“介绍，”“表示，”之类的谓语开头，主语在上一行';
    const open = openedAcross(p, n);
    if (open) return `上一行的“${open}”到下一行才闭合`;
    const fragment = this.end === 'han' ? opensWithFragment(this.lexicon, n) : null;
    if (fragment) return `下一行以“${fragment}，”开头，接的是上一行的句子`;
    if (this.end === 'han') {
      // A chance word across two headline lines must be a common one; inside prose a rarer word will do.
      const word = bridgingWord(this.lexicon, p, n, this.headlineP ? 50 : 10);
      if (word) return `“${word}”被断行拆开`;
      const functionWord = endsOnFunctionWord(this.lexicon, p, this.headlineP ? 'strict' : this.prose() || clauseMarks(p) > 0 ? 'prose' : 'clause');
      if (functionWord) return `行尾“${functionWord}”后句子未完`;
    }
    const particle = startsOnParticle(this.lexicon, n);
    return particle ? `下一行以“${particle}”开头` : null;
  }
}

function report(ctx: RuleContext, previous: ContentLine, next: ContentLine, reason: string): void {
  const raw = ctx.text.raw;
  const lastLength = isLowSurrogate(raw.charCodeAt(previous.end - 1)) ? 2 : 1;
  const firstLength = raw.codePointAt(next.start)! > 0xffff ? 2 : 1;
  const offset = previous.end - lastLength;
  const length = next.start + firstLength - offset;
  const keepSpace = /[A-Za-z0-9]$/.test(previous.text) && /^[A-Za-z0-9]/.test(next.text);
  const joined = lastCodePoints(previous.text, 4) + (keepSpace ? ' ' : '') + firstCodePoints(next.text, 4);
  ctx.report({
    offset,
    length,
    message: `段落在句中断开，应接排为“${joined}”`,
    evidence: reason + '。',
    fixes: [{ title: '接排为一段', edits: [{ offset: previous.end, length: next.start - previous.end, newText: keepSpace ? ' ' : '' }] }],
  });
}

/** The last `count` code points of `text` (what [...text].slice(-count) gives, without splitting a long line into characters). */
function lastCodePoints(text: string, count: number): string {
  let start = text.length;
  for (let n = 0; n < count && start > 0; n++) {
    start--;
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  }
  return text.slice(start);
}

/** The first `count` code points of `text`. */
function firstCodePoints(text: string, count: number): string {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) {
    end += isHighSurrogate(text.charCodeAt(end)) && isLowSurrogate(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  return text.slice(0, end);
}
