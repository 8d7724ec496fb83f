/** The findings of fixed-phrase: a near-miss of a phrase, or a character written twice beside one. */
import type { RuleContext } from '../../types';
import { CORPUS_SOURCE, ROSTER_SOURCE } from '../../model/sections/phrases';
import type { NearMiss } from './near-miss';

/**
 * `archiveRise`: how much harder (nats) the archive's character model reads the text as written than with the phrase;
 * `stranger`: the archive never writes the written character beside either neighbour (acceptance.ts strangerInPhrase).
 */
export function reportNearMiss(ctx: RuleContext, base: number, text: string, m: NearMiss, archiveRise?: number, stranger = false): void {
  const variant = text.slice(m.start, m.end);
  const { entry } = m;
  const curated = entry.source !== CORPUS_SOURCE;
  const countNote = [curated ? (entry.source === ROSTER_SOURCE ? '本社名录' : '规范提法') : '', entry.count > 0 ? `语料中出现 ${entry.count} 次` : '']
    .filter(Boolean)
    .join('，');
  const where = entry.docs ? `，见于 ${entry.docs} 篇文档` : '';
  const sourceNote = curated ? `；来源：${entry.source === ROSTER_SOURCE ? '本社名录（.jiaoduirc.json）' : entry.source}` : '';
  ctx.report({
    offset: base + m.start,
    length: m.end - m.start,
    message: `疑似固定提法有误，应为“${m.target}”（${countNote}）`,
    evidence: `“${m.target}”${entry.count > 0 ? `在语料中出现 ${entry.count} 次${where}` : '是收录的规范写法'}${sourceNote}；此处写作“${variant}”，${describeEdit(m, text)}${stranger ? strangerNote(m, text) : ''}${rarity(m, archiveRise)}。`,
    subject: variant,
    // The whole near-miss is replaced by the phrase, so the result reads as the phrase whatever the edit was.
    fixes: [{ title: `改为“${m.target}”`, edits: [{ offset: base + m.start, length: m.end - m.start, newText: m.target }] }],
  });
}

/** A character written twice beside a phrase: the fix removes the copy at `at`. */
export function reportDoubled(ctx: RuleContext, base: number, text: string, m: NearMiss, at: number): void {
  const char = text[at];
  const pairStart = text[at - 1] === char ? at - 1 : at;
  const variant = text.slice(m.start, m.end);
  const single = text.slice(m.start, at) + text.slice(at + 1, m.end);
  ctx.report({
    offset: base + pairStart,
    length: 2,
    message: `疑似多了一个“${char}”，应为“${single}”`,
    evidence: `“${variant}”与语料中的“${m.target}”（${m.entry.count} 次）只差一字，差在重复的“${char}”上；去掉一个“${char}”，“${single}”读作完整的词语。`,
    subject: text.slice(pairStart, pairStart + 2),
    fixes: [{ title: `删去多余的“${char}”`, edits: [{ offset: base + at, length: 1, newText: '' }] }],
  });
}

function describeEdit(m: NearMiss, text: string): string {
  if (m.kind === 'substitute') return `“${m.target[m.targetAt]}”写成了“${text[m.textAt]}”`;
  if (m.kind === 'drop') return `少了“${m.target[m.targetAt]}”`;
  return `多了“${text[m.textAt]}”`;
}

/** The pairs a stranger character makes, none of which the archive writes. */
function strangerNote(m: NearMiss, text: string): string {
  const pairs = [text.slice(m.textAt - 1, m.textAt + 1), text.slice(m.textAt, m.textAt + 2)].filter((pair) => /^\p{Script=Han}{2}$/u.test(pair));
  return `；语料几乎从不连写“${pairs.join('”“')}”`;
}

/** How much rarer the archive's character model finds the text as written than with the phrase, when it was asked. */
function rarity(m: NearMiss, archiveRise: number | undefined): string {
  if (archiveRise === undefined || !Number.isFinite(archiveRise)) return '';
  const ratio = Math.exp(archiveRise);
  // Two significant figures: the model's estimate is no finer than that.
  const shown = ratio >= 1e4 ? '一万倍以上' : `约 ${Number(ratio.toPrecision(2)).toLocaleString('en')} 倍`;
  return `；按语料的字词搭配，此处写法比“${m.target}”少见${shown}`;
}
