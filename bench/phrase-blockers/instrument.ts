/**
 * Rewrites fixed-phrase's verdict points in a copy of the tree so that each reports its file:line
 * (the working tree's numbering) to globalThis.__phraseVerdict before it turns a candidate down:
 * every `return undefined;` of acceptance.ts, the `return false;` of edge-slip.ts, and in index.ts
 * the document-level `continue`s and the stages' skips. The candidate being judged is announced by
 * judge() (__phraseCandidate), the paragraph by scanParagraph (__phraseParagraph), and dev-quality
 * announces each injection (__phraseInjection) and clean false alarm (__phraseFalseAlarm).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const HOOK = 'const __verdict = (where: string): void => (globalThis as { __phraseVerdict?: (w: string) => void }).__phraseVerdict?.(where);\n';
const CALL = '(globalThis as Record<string, ((...args: unknown[]) => void) | undefined>)';

/** Functions whose undefined is an answer (no such word), not a candidate turned down. */
const LOOKUPS = new Set(['writtenInWord']);

export function instrument(tree: string): void {
  const dir = path.join(tree, 'server/src/core/rules/fixed-phrase');
  for (const file of ['acceptance.ts', 'index.ts', 'edge-slip.ts']) {
    const full = path.join(dir, file);
    const tag = file.replace('.ts', '');
    const lines = fs.readFileSync(full, 'utf8').split('\n');
    let fn = '';
    const out = lines.map((line, i) => {
      const where = `${tag}:${i + 1}`;
      fn = /^(?:export )?function (\w+)/.exec(line)?.[1] ?? fn;
      if (LOOKUPS.has(fn)) return line;
      let l = line.replace(/return undefined;/g, `return (__verdict('${where}'), undefined);`);
      if (file === 'edge-slip.ts') l = l.replace(/return false;/g, `return (__verdict('${where}'), false);`);
      if (file === 'index.ts') {
        // The scan's own skips (non-Han, inside a kept near-miss, nothing found) are no verdict.
        // A rival reading held back (~) is noted on the reading judged before it, not as its verdict.
        const note = /rivalConfirmed|usage/.test(l) ? `${where}~rival` : where;
        if (!/HAN_TABLE\[code\] !== 1|!match\b|!accepted|i < lastEnd/.test(l)) l = l.replace(/\bcontinue;/g, `{ __verdict('${note}'); continue; }`);
        l = l.replace(/\bbreak;/g, `{ __verdict('${note}'); break; }`);
        l = l.replace(/return true;/g, `return (__verdict('${where}'), true);`);
        l = l.replace(/^(function judge\(.*\{)$/, `$1 ${CALL}.__phraseCandidate?.(match);`);
        l = l.replace(/(const found: Accepted\[\] = \[\];)/, `$1 ${CALL}.__phraseParagraph?.(text, index);`);
        // A rival reading skipped unjudged is noted as a candidate of its own.
        l = l.replace(/if \(!rivalConfirmed\(index, text, match\)\) \{/, `$& ${CALL}.__phraseRival?.(match);`);
        l = l.replace(
          /(for \(const \{ match, acceptance, extraAt(?:, stranger)? \} of scanParagraph\(ctx, index, paragraph\.text\)\) \{)/,
          `$1 ${CALL}.__phraseReport?.(match);`,
        );
      }
      return l;
    });
    let lastImport = 0;
    out.forEach((l, i) => {
      if (/^import |^\} from /.test(l)) lastImport = i;
    });
    out.splice(lastImport + 1, 0, HOOK);
    fs.writeFileSync(full, out.join('\n'));
  }
  const bench = path.join(tree, 'bench/dev-quality.ts');
  let source = fs.readFileSync(bench, 'utf8');
  source = source.replace('onInjection: (doc, inj, found, text) => {\n', `$&        ${CALL}.__phraseInjection?.(doc, inj, found, text);\n`);
  source = source.replace('onCleanFalseAlarm: (doc: SeedDoc, f: Finding, text: TextModel) => {\n', `$&        ${CALL}.__phraseFalseAlarm?.(doc, f);\n`);
  if (!source.includes('__phraseInjection') || !source.includes('__phraseFalseAlarm'))
    throw new Error('bench/dev-quality.ts changed: update bench/phrase-blockers/instrument.ts');
  fs.writeFileSync(bench, source);
}
