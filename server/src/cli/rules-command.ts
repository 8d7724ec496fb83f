/** `jiaodui rules`: the registry as a table or JSON (for scripts that build configs). */
import { RULES, type RuleMeta } from '../core';

/** What --fix makes of a rule's fixes: safe, suggestion, or mixed when some fixes override the rule's kind. */
function fixKindLabel(meta: RuleMeta): string | null {
  if (!meta.fixable) return null;
  return meta.fixKindNote ? 'mixed' : (meta.fixKind ?? 'suggestion');
}
import { displayWidth } from './formats/text';

export function formatRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    const rules = RULES.map((r) => ({
      id: r.meta.id,
      category: r.meta.category,
      defaultSeverity: r.meta.defaultSeverity,
      fixable: r.meta.fixable,
      /** safe | suggestion | mixed (some fixes override the rule's kind); null when not fixable. */
      fixKind: fixKindLabel(r.meta),
      scope: r.meta.scope,
      summary: r.meta.docs.summary,
      gloss: r.meta.docs.gloss,
    }));
    return `${JSON.stringify(rules, null, 2)}\n`;
  }
  const rows = [
    ['id', 'category', 'default', 'fix', 'summary'],
    ...RULES.map((r) => [r.meta.id, r.meta.category, r.meta.defaultSeverity, fixKindLabel(r.meta) ?? '-', `${r.meta.docs.summary} — ${r.meta.docs.gloss}`]),
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => displayWidth(row[col]))));
  const lines = rows.map((row) => row.map((cell, col) => (col === row.length - 1 ? cell : cell + ' '.repeat(widths[col] - displayWidth(cell)))).join('  '));
  return `${lines.join('\n')}\n`;
}
