/**
 * punctuation-width: half-width , : ; ? ! ( ) in Chinese text, to be written
 * full-width (，：；？！（）) as GB/T 15834-2011 requires, and straight quotes " '
 * around Chinese text, to be written “ ” ‘ ’ (paired in order; a lone one is
 * reported without a fix, since which way it faces is a guess). Whether a mark sits in
 * Chinese text is read from its neighbours on the same line: a Han character or a
 * full-width mark on at least one side, and not a digit or Latin letter on both
 * sides. Parentheses are judged as a pair: a pair whose content or outer neighbour
 * is Chinese converts together; a lone parenthesis goes by its own neighbours.
 * Spaces typed around a half-width mark inside Chinese text go with it.
 *
 * Deliberately ignored: marks between Latin words or digits (1,000 / 3:2 / 12:30 /
 * “see (1) below”), function-call and code shapes (f(x), a!=b), Markdown images
 * (![…]), and everything the text model masks (URLs, e-mail addresses, code). The
 * learned style only feeds the evidence line; the standard is not up for a vote.
 */
import type { Rule } from '../types';
import { styleOf, type StyleSection } from '../model/sections/style';
import { FULL_WIDTH, findHalfWidthSites, findStraightQuotes } from '../analysis/punctuation';

const MARK_NAMES: Readonly<Record<string, string>> = { ',': '逗号', ':': '冒号', ';': '分号', '?': '问号', '!': '叹号', '(': '括号', ')': '括号' };

export function toFullWidth(marks: string): string {
  return [...marks].map((c) => FULL_WIDTH[c] ?? c).join('');
}

function markName(marks: string): string {
  return marks.length === 1 ? `半角${MARK_NAMES[marks]}` : '半角标点';
}

export const punctuationWidth: Rule<StyleSection> = {
  meta: {
    id: 'punctuation-width',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'safe',
    scope: 'paragraph',
    docs: {
      summary: '中文语境中的半角标点和直引号',
      gloss: 'Half-width punctuation and straight quotes in Chinese text',
      why: '中文排版中半角逗号、冒号、括号等只占半个字宽，与汉字挤在一起，版面参差，也暴露稿件来自英文输入法或外部转录。国家标准要求中文语境用全角标点；英文输入法打出的直引号也应改为中文引号“…”‘…’。数字、时间、外文、代码中的半角标点和英寸、英尺符号不受影响。',
      example: { bad: '稳中求进,擘画医疗服务新蓝图', good: '稳中求进，擘画医疗服务新蓝图' },
      reference: 'GB/T 15834-2011《标点符号用法》第 4 章（各标点的形式）、第 5 章（位置和书写形式：逗号、冒号、括号等各占一个字位置，即全角）',
    },
  },
  createState: (model) => styleOf(model),
  checkParagraph(ctx, paragraph) {
    const learned = ctx.state.punctuation;
    for (const site of findHalfWidthSites(paragraph.text)) {
      const full = toFullWidth(site.marks);
      const counts = site.marks.length === 1 ? learned[site.marks] : undefined;
      const evidence =
        'GB/T 15834-2011：中文语境用全角标点' +
        (counts && counts.fullWidth + counts.halfWidth > 0
          ? `；本语料库中文语境用全角${MARK_NAMES[site.marks]} ${counts.fullWidth} 次、半角 ${counts.halfWidth} 次`
          : '');
      const spaceNote = site.absorbsSpaces ? '，并删去多余空格' : '';
      ctx.report({
        offset: site.offset,
        length: site.length,
        message: `${markName(site.marks)}“${site.marks}”，应为全角“${full}”${spaceNote}`,
        evidence,
        subject: site.marks,
        fixes: [{ title: `改为全角“${full}”`, edits: [{ offset: site.offset, length: site.length, newText: full }] }],
      });
    }
    for (const quote of findStraightQuotes(paragraph.text)) {
      const [left, right] = quote.mark === '"' ? ['“', '”'] : ['‘', '’'];
      const name = quote.mark === '"' ? '直双引号' : '直单引号';
      if (quote.close < 0) {
        ctx.report({
          offset: quote.offset,
          length: quote.length,
          message: `${name}${quote.mark}，中文应用${left}或${right}；本段找不到与之配对的引号，请确认引文起止`,
          evidence: 'GB/T 15834-2011 4.8：中文引号为“”和‘’',
          subject: quote.mark,
          fixes: [],
        });
        continue;
      }
      ctx.report({
        offset: quote.offset,
        length: quote.length,
        message: `${name}${quote.mark}…${quote.mark}，应为中文引号${left}…${right}`,
        evidence: 'GB/T 15834-2011 4.8：中文引号为“”和‘’，前引号开、后引号闭；成对的直引号按顺序配对',
        subject: quote.mark,
        fixes: [{ title: `改为“${left}${right}”`, edits: quote.edits }],
      });
    }
  },
};
