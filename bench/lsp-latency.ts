/**
 * Keystroke latency of the language server.
 *
 * Main measure (the issue's): the largest seed (004, ~143 KB, a PDF-extracted
 * compendium): open it, make 100 single-character edits in the middle (insert, then
 * delete, alternately) and time didChange → publishDiagnostics for that version, with
 * the debounce set to 0 through workspace/configuration. Also the time to the first
 * diagnostics after didOpen and the server's resident memory (VmRSS from /proc).
 *
 * Seed 004 draws ~2,100 findings (every wrapped line is a broken paragraph), so each
 * publish is over a megabyte of JSON; a second run on a 150 KB draft of ordinary
 * density (seeds 000, 001 and 003 repeated) separates the server's own cost from
 * that payload. The server's own account (JIAODUI_LSP_TIMING=1: change received →
 * diagnostics handed to the transport) is printed beside the round trip.
 *
 *   node esbuild.mjs && npm run bench:lsp
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT } from '../test/server/lsp-client';

const EDITS = Number(process.env.EDITS ?? 100);
const TARGET_P95_MS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;
function summary(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? `median ${fmt(percentile(s, 50))}, p95 ${fmt(percentile(s, 95))}` : 'n/a';
}

function rssMb(pid: number | undefined): string {
  if (!pid) return 'n/a';
  try {
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return `${(kb / 1024).toFixed(1)} MB`;
  } catch {
    return 'n/a (no /proc)';
  }
}

function seedText(prefix: string): { name: string; text: string } {
  const name = fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seeds/${prefix}*.txt not found`);
  return { name, text: fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8') };
}

async function measure(label: string, uri: string, text: string): Promise<{ p95: number }> {
  const client = await LspClient.start({ settings: { debounceMs: 0 }, env: { JIAODUI_LSP_TIMING: '1' } });
  const pid = client.process?.pid;
  const rssBefore = rssMb(pid);

  const opened = performance.now();
  const first = client.waitForDiagnostics(uri, (p) => p.version === 1, { timeout: 120_000 });
  await client.open(uri, text);
  const firstDiagnostics = await first;
  const timeToFirst = performance.now() - opened;

  // The middle of the document, a few characters into a line, so each edit stays in one paragraph.
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (lines[line].trim().length < 8) line++;
  const character = 4;
  const latencies: number[] = [];
  let version = 1;
  for (let i = 0; i < EDITS; i++) {
    const v = ++version;
    const change =
      i % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, text: '的' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    const published = client.waitForDiagnostics(uri, (p) => p.version === v, { timeout: 60_000 });
    const sent = performance.now();
    await client.change(uri, v, [change]);
    await published;
    latencies.push(client.publishedAt[client.published.length - 1] - sent);
  }
  const rssAfter = rssMb(pid);
  await client.stop();

  const server = { total: [] as number[], lint: [] as number[] };
  for (const { message } of client.logs) {
    const m = /^timing \S+ v(\d+) since-change=([\d.]+)ms lint=([\d.]+)ms/.exec(message);
    if (!m || Number(m[1]) < 2) continue;
    server.total.push(Number(m[2]));
    server.lint.push(Number(m[3]));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const payload = Buffer.byteLength(JSON.stringify(client.published[client.published.length - 1]));
  console.log(
    `${label} — ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${lines.length} lines, ${firstDiagnostics.diagnostics.length} diagnostics (${(payload / 1024).toFixed(0)} KB of JSON per publish)`,
  );
  console.log(`  time to first diagnostics after didOpen: ${fmt(timeToFirst)}`);
  console.log(
    `  didChange → publishDiagnostics, ${EDITS} edits: ${summary(latencies)}, max ${fmt(sorted[sorted.length - 1])} (target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'not met'})`,
  );
  console.log(
    `    inside the server (change received → diagnostics handed to the transport): ${summary(server.total)}; of which linting ${summary(server.lint)}`,
  );
  console.log(`  server memory (VmRSS): ${rssBefore} after start, ${rssAfter} with the document open`);
  return { p95 };
}

async function main(): Promise<void> {
  const seed = seedText('004_');
  await measure(`seeds/${seed.name}`, pathToFileURL(path.join(ROOT, 'seeds', seed.name)).href, seed.text);
  const ordinary = ['000_', '001_', '003_'].map((p) => seedText(p).text).join('\n\n');
  let text = ordinary;
  while (Buffer.byteLength(text) < 150 * 1024) text += `\n\n${ordinary}`;
  // Cut at the paragraph boundary nearest 150 KB (UTF-8).
  while (Buffer.byteLength(text) > 150 * 1024) text = text.slice(0, text.lastIndexOf('\n\n'));
  await measure('150 KB draft of ordinary density (seeds 000, 001, 003 repeated)', pathToFileURL(path.join(ROOT, 'bench', 'ordinary.txt')).href, text);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
