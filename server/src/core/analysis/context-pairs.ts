/**
 * The confusable pairs whose real-word swaps (在/再, 做/作) wrong-char judges from the
 * context a newsroom's archive writes them in: both spellings are words, so only which
 * neighbours each one keeps can tell them apart. Shared by the model section that counts
 * those neighbours (jiaodui learn) and the rule that reads the counts.
 *
 * Chosen by measurement, not by taste: the candidates were the homophone and look-alike
 * pairs of data/similar-chars.json that newsroom proofreading lists name most often; each
 * was injected in place at every occurrence in half A of the development corpus (model
 * learned from half B, the rule's thresholds as in rules/wrong-char/thresholds.ts), and a
 * pair is kept when the context tier finds at least 15 % of its swaps and raises no more
 * than 4 false alarms on the 3.5 M clean characters of half A (≤ 0.012 per 10k each). Left
 * out by that measure: 的/地/得 (27 alarms: their neighbours overlap, 的地区), 合/和 (6),
 * 尽/进 (5); 惟/唯, 辨/辩 and 账/帐 (recall under 0.1: too rare in news to learn).
 */

/** Pairs of characters, each typed for the other. A character may belong to several. */
export const CONTEXT_PAIRS: readonly string[] = [
  '在再', '在载', '再载', '做作', '做座', '作坐', '坐座', '以已', '象像', '象相', '象向',
  '即既', '须需', '其期', '收受', '带戴', '副付', '复副', '制治', '定订', '记纪', '决绝',
  '竟竞', '反返', '功工', '分份', '权全', '度渡', '历厉', '利力', '励力', '型形', '型行',
  '形行', '界届', '急极', '会汇', '状壮', '化划', '式试', '题提', '部步', '场厂', '检减',
  '采彩', '应因', '致至', '常长', '事是', '候后', '园圆', '查察', '周州', '练炼', '止至',
]; // prettier-ignore

let partners: Map<string, string> | undefined;

/** The characters `ch` is confused with in a context pair ('' if none), each once. */
export function contextPartnersOf(ch: string): string {
  if (!partners) {
    partners = new Map();
    for (const pair of CONTEXT_PAIRS) {
      for (const [a, b] of [
        [pair[0], pair[1]],
        [pair[1], pair[0]],
      ]) {
        const known = partners.get(a) ?? '';
        if (!known.includes(b)) partners.set(a, known + b);
      }
    }
  }
  return partners.get(ch) ?? '';
}

/** Is `ch` a member of any context pair? */
export function isContextMember(ch: string): boolean {
  return contextPartnersOf(ch).length > 0;
}
