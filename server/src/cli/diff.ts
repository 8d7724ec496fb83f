/**
 * A unified diff for --fix-dry-run. Fixes change a few characters on a few lines (or
 * join two lines), so instead of a full minimal diff — quadratic on a 10 MB draft —
 * this walks both texts and, at each difference, looks for the nearest point where
 * two consecutive lines agree again. Any alignment is a correct diff; this one is
 * minimal for the local changes fixes make.
 */

const CONTEXT = 2;
const RESYNC_WINDOW = 64;

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
  oldIndex: number;
  newIndex: number;
}

/**
 * Lines as patch tools see them: split at LF only, each keeping its terminator, so a
 * CR of a CRLF file stays part of the line (git apply and patch compare it byte for
 * byte) and a last line without LF is told apart from one with it.
 */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function findResync(a: string[], b: string[], i: number, j: number): [number, number] {
  const agrees = (x: number, y: number) => a[x] === b[y] && (x + 1 >= a.length || y + 1 >= b.length || a[x + 1] === b[y + 1]);
  for (let k = 1; k <= RESYNC_WINDOW * 2; k++) {
    for (let da = 0; da <= k; da++) {
      const x = i + da;
      const y = j + (k - da);
      if (x < a.length && y < b.length && agrees(x, y)) return [x, y];
    }
  }
  return [Math.min(a.length, i + RESYNC_WINDOW), Math.min(b.length, j + RESYNC_WINDOW)];
}

function diffLines(a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i], oldIndex: i++, newIndex: j++ });
      continue;
    }
    const [x, y] = i < a.length && j < b.length ? findResync(a, b, i, j) : [a.length, b.length];
    while (i < x) ops.push({ kind: '-', line: a[i], oldIndex: i++, newIndex: j });
    while (j < y) ops.push({ kind: '+', line: b[j], oldIndex: i, newIndex: j++ });
  }
  return ops;
}

const NO_NEWLINE = '\\ No newline at end of file';

/**
 * `before` and `after` are the file's text as on disk, BOM included (a BOM is part of
 * the first line to git apply and patch).
 */
export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    // A hunk: the change plus CONTEXT lines around it, merged with nearby changes.
    let start = Math.max(0, k - CONTEXT);
    while (start < k && ops[start].kind !== ' ') start++;
    let end = k;
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ' && next - end < CONTEXT * 2) next++;
      if (next < ops.length && ops[next].kind !== ' ') end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = hunk[0].oldIndex + (oldCount > 0 ? 1 : 0);
    const newStart = hunk[0].newIndex + (newCount > 0 ? 1 : 0);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) {
      if (op.line.endsWith('\n')) {
        out.push(`${op.kind}${op.line.slice(0, -1)}`);
      } else {
        out.push(`${op.kind}${op.line}`, NO_NEWLINE);
      }
    }
    k = stop;
  }
  return `${out.join('\n')}\n`;
}
