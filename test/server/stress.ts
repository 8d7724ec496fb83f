/**
 * The language-server stress driver (issue 11), shared by the short run in `npm test`
 * (test/server/stress.test.ts) and the long one in `npm run test:stress`
 * (test/server/stress-long.ts). It drives the real server (dist/server.js over stdio)
 * as a demanding client would: seeded random edit storms with multi-change events,
 * full resyncs, surrogate pairs and CRLF; documents opened and closed mid-storm;
 * malformed notifications, requests and raw bodies; hovers and code actions between.
 *
 * Checked on every publish: no version older than one already published for the URI,
 * every range inside the text of its version and never splitting a surrogate pair.
 * Checked at the end: each open document's last publish is the core's findings on its
 * final text (same rules, ranges and messages); each closed document ends empty.
 */
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import * as fs from 'node:fs';
import { Linter, TextModel } from '../../server/src/core';
import { resolveLintOptions } from '../../server/src/node/config';
import { mulberry32, type Rng } from '../../bench/lib/rng';
import { LspClient, lineOffsets } from './lsp-client';

/** Self-written pieces the storm types: defects of several rules, clean prose, astral characters, CRLF. */
const FRAGMENTS = [
  '会议强调，要以此为为抓手，推进改革。',
  '我们认真学习文件精神。',
  '会议强调,要坚持问题导向.',
  '全市共有医院 12 家，床位 3500 张。',
  '记者从国家卫生健康委获悉，今年将继续推进改革。。',
  '各地医院積極推進改革。',
  '𠮷野家在京开业，𠮷野家表示将扩大经营。',
  '他说：“我们要继续努力',
  '😀表情符号与𡈽字并存。',
  '一是加强领导。二是完善制度。四是强化考核。',
  '要做好卫生健康工作工作。',
  '患者在医院里接受治',
  '\n',
  '\r\n',
  '\n\n',
  '\r\n\r\n',
  '，',
  '为',
  '𠮷',
];

const HIGH = (code: number) => code >= 0xd800 && code <= 0xdbff;
const LOW = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * An offset moved off the middle of a surrogate pair or of a CRLF: an editor never splits
 * either, and LSP cannot even name a position between \r and \n (it is clamped to the
 * end of the line).
 */
function whole(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (HIGH(before) && LOW(after)) || (before === 13 && after === 10) ? offset - 1 : offset;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const starts = lineOffsets(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

function randomText(rng: Rng, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += rng.pick(FRAGMENTS);
  return text;
}

/** Bytes of resident memory of a process (Linux /proc; undefined elsewhere). */
export function rssOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface StormOptions {
  seed: number;
  /** Edit notifications to send (incremental events and full resyncs). */
  edits: number;
  /** URIs the storm opens, edits and closes. */
  documents: number;
  /** Called once this many edits are done (after the server went quiet), e.g. to read its memory. */
  checkpointAt?: number;
  onCheckpoint?: (client: LspClient) => void;
  /** Longest text a document grows to before the storm prefers deleting (characters). */
  maxLength?: number;
}

export interface StormReport {
  edits: number;
  incremental: number;
  resyncs: number;
  opens: number;
  closes: number;
  malformed: number;
  requests: number;
  publishes: number;
  /** Seconds from the first edit to the last edit sent, and to the server's last publish. */
  stormSeconds: number;
  settledSeconds: number;
  rssAtCheckpoint?: number;
  rssAtEnd?: number;
  failures: string[];
}

interface DocState {
  uri: string;
  open: boolean;
  version: number;
  text: string;
}

/** Waits until the server has published nothing for `quietMs` (at most `maxMs`). */
async function quiet(client: LspClient, quietMs: number, maxMs = 30_000): Promise<void> {
  const started = Date.now();
  let seen = client.published.length;
  let since = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (client.published.length !== seen) {
      seen = client.published.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/** How long a final state that does not match yet is waited for (a loaded CI machine lints slowly). */
const FINAL_GRACE_MS = 20_000;

/** Raw bodies that are not JSON-RPC, framed as the protocol frames them. */
const RAW_BODIES = ['{"jsonrpc":"2.0","method":', 'null', '[]', '{"jsonrpc":"2.0","id":"raw","method":"textDocument/hover","params":"?"}', '\u0000'];

export async function runStorm(options: StormOptions): Promise<StormReport> {
  const rng = mulberry32(options.seed);
  const maxLength = options.maxLength ?? 3000;
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  const report: StormReport = {
    edits: 0,
    incremental: 0,
    resyncs: 0,
    opens: 0,
    closes: 0,
    malformed: 0,
    requests: 0,
    publishes: 0,
    stormSeconds: 0,
    settledSeconds: 0,
    failures: [],
  };
  const fail = (message: string) => {
    if (report.failures.length < 50) report.failures.push(message);
  };
  const docs: DocState[] = Array.from({ length: options.documents }, (_, i) => ({ uri: `file:///stress/doc-${i}.txt`, open: false, version: 0, text: '' }));
  /** The text of every version sent, to check each publish against the text it was computed for. */
  const texts = new Map<string, Map<number, string>>(docs.map((d) => [d.uri, new Map()]));
  const newest = new Map<string, number>();

  /** Every publish, in the order it arrived. */
  const checkPublish = (p: PublishDiagnosticsParams) => {
    report.publishes++;
    if (p.version === undefined || p.version === null) return;
    const last = newest.get(p.uri) ?? -1;
    if (p.version < last) fail(`${p.uri}: version ${p.version} published after version ${last}`);
    newest.set(p.uri, Math.max(last, p.version));
    const text = texts.get(p.uri)?.get(p.version);
    if (text === undefined) {
      fail(`${p.uri}: publish for version ${p.version}, which was never sent`);
      return;
    }
    const before = report.failures.length;
    for (const d of p.diagnostics) checkRange(p.uri, p.version, text, d);
    if (process.env.STRESS_DEBUG && report.failures.length > before && before === 0) {
      console.log(JSON.stringify({ uri: p.uri, version: p.version, text, diagnostics: p.diagnostics.map((d) => [d.code, d.range]) }));
    }
  };

  const checkRange = (uri: string, version: number, text: string, d: Diagnostic) => {
    const starts = lineOffsets(text);
    const offset = (pos: { line: number; character: number }, which: string): number | undefined => {
      if (pos.line >= starts.length) {
        fail(`${uri} v${version}: ${d.code} ${which} line ${pos.line} beyond the last line ${starts.length - 1}`);
        return undefined;
      }
      const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
      const at = starts[pos.line] + pos.character;
      if (at > lineEnd) fail(`${uri} v${version}: ${d.code} ${which} ${pos.line}:${pos.character} beyond its line`);
      if (at > 0 && at < text.length && HIGH(text.charCodeAt(at - 1)) && LOW(text.charCodeAt(at)))
        fail(`${uri} v${version}: ${d.code} ${which} splits a surrogate pair`);
      return at;
    };
    const start = offset(d.range.start, 'start');
    const end = offset(d.range.end, 'end');
    if (start !== undefined && end !== undefined && end < start) fail(`${uri} v${version}: ${d.code} ends before it starts`);
  };

  const send = async (doc: DocState, contentChanges: TextDocumentContentChangeEvent[], text: string) => {
    doc.version++;
    doc.text = text;
    texts.get(doc.uri)!.set(doc.version, text);
    await client.change(doc.uri, doc.version, contentChanges);
    report.edits++;
  };

  const open = async (doc: DocState) => {
    doc.version++;
    doc.text = randomText(rng, 1 + rng.int(12));
    doc.open = true;
    texts.get(doc.uri)!.set(doc.version, doc.text);
    await client.open(doc.uri, doc.text, 'plaintext', doc.version);
    report.opens++;
  };

  const close = async (doc: DocState) => {
    doc.open = false;
    await client.close(doc.uri);
    report.closes++;
  };

  const malformed = async (doc: DocState) => {
    report.malformed++;
    const kind = rng.int(6);
    if (kind === 0) {
      // Issue 11's didOpen, for a document that is open: dropped, the document unchanged.
      const text = rng.pick([null, 42, { text: 'x' }]);
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: doc.uri, languageId: 'plaintext', version: doc.version + 1, text },
      });
    } else if (kind === 1) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: doc.uri, version: doc.version + 1 },
        contentChanges: [rng.pick([{ text: null }, { text: 'x', range: { start: { line: -1, character: 0 }, end: null } }, 'all'])],
      });
    } else if (kind === 2) {
      await client.connection.sendNotification('textDocument/didClose', { textDocument: rng.pick([null, {}, { uri: 7 }]) });
    } else if (kind === 3) {
      // Written between two whole messages: the writer is idle once the last send resolved.
      const body = rng.pick(RAW_BODIES);
      client.process!.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
    } else {
      const [method, params] = rng.pick<[string, unknown]>([
        ['textDocument/hover', { textDocument: { uri: doc.uri }, position: null }],
        ['textDocument/codeAction', { textDocument: { uri: doc.uri }, range: 'all', context: { diagnostics: [] } }],
        ['jiaodui/fixAll', { uri: 42 }],
      ]);
      await client.request(method, params).then(
        () => fail(`${method} with bad params was answered, not rejected`),
        (error: { code?: number }) => {
          if (error.code !== -32602) fail(`${method} with bad params: error ${error.code}, not InvalidParams`);
        },
      );
    }
  };

  const request = async (doc: DocState) => {
    report.requests++;
    const at = whole(doc.text, rng.int(doc.text.length + 1));
    const position = positionAt(doc.text, at);
    const last = [...client.published].reverse().find((p) => p.uri === doc.uri);
    try {
      if (rng.chance(0.5)) {
        await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position });
      } else {
        // Diagnostics as a client sends them back: from an older version, some mangled.
        const diagnostics: unknown[] = [...(last?.diagnostics.slice(0, 3) ?? []), { source: 'jiaodui', data: { rule: 'x', fixes: null } }];
        await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: doc.uri },
          range: { start: position, end: position },
          context: { diagnostics },
        });
      }
    } catch (error) {
      fail(`a well-formed request failed: ${(error as Error).message}`);
    }
  };

  const edit = async (doc: DocState) => {
    if (rng.chance(0.05)) {
      // A full resync: the whole text replaced.
      const text = rng.chance(0.3) ? doc.text.replace(/\r?\n/g, '\r\n') : randomText(rng, 1 + rng.int(12));
      report.resyncs++;
      await send(doc, [{ text }], text);
      return;
    }
    // One event of one to four changes, each relative to the text the previous one left.
    let text = doc.text;
    const changes: TextDocumentContentChangeEvent[] = [];
    for (let n = 1 + (rng.chance(0.3) ? rng.int(4) : 0); n > 0; n--) {
      const start = whole(text, rng.int(text.length + 1));
      const deleting = text.length > maxLength ? rng.chance(0.8) : rng.chance(0.35);
      const end = deleting
        ? whole(text, Math.min(text.length, start + 1 + rng.int(12)))
        : rng.chance(0.2)
          ? whole(text, Math.min(text.length, start + rng.int(4)))
          : start;
      const inserted = deleting && rng.chance(0.7) ? '' : randomText(rng, 1 + rng.int(2));
      changes.push({ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: inserted });
      text = text.slice(0, start) + inserted + text.slice(end);
    }
    report.incremental++;
    await send(doc, changes, text);
  };

  const started = performance.now();
  try {
    for (const doc of docs.slice(0, Math.ceil(docs.length / 2))) await open(doc);
    let checkpointDone = false;
    while (report.edits < options.edits) {
      const doc = rng.pick(docs);
      if (!doc.open) {
        if (rng.chance(0.5)) await open(doc);
        continue;
      }
      const roll = rng.next();
      if (roll < 0.02) await close(doc);
      else if (roll < 0.035) await malformed(doc);
      else if (roll < 0.045) await request(doc);
      else await edit(doc);
      // Now and then let the server breathe, as typing does.
      if (rng.chance(0.02)) await new Promise((resolve) => setTimeout(resolve, rng.int(30)));
      if (!checkpointDone && options.checkpointAt !== undefined && report.edits >= options.checkpointAt) {
        checkpointDone = true;
        await quiet(client, 600);
        report.rssAtCheckpoint = rssOf(client.process?.pid);
        options.onCheckpoint?.(client);
      }
    }
    report.stormSeconds = (performance.now() - started) / 1000;
    // Longer than the deferred document pass (500 ms): every final publish is in.
    await quiet(client, 800);
    const lastPublish = client.publishedAt.length > 0 ? client.publishedAt[client.publishedAt.length - 1] : started;
    report.settledSeconds = (lastPublish - started) / 1000;
    report.rssAtEnd = rssOf(client.process?.pid);

    // The final state against the core. A loaded machine may still be linting after the
    // quiet period: a mismatch is looked at again until the server has had ample time.
    const linter = new Linter(resolveLintOptions({}));
    const finalProblems = (): string[] => {
      const problems: string[] = [];
      for (const doc of docs) {
        const last = [...client.published].reverse().find((p) => p.uri === doc.uri);
        if (!doc.open) {
          if (last && last.diagnostics.length > 0) problems.push(`${doc.uri}: closed, but its last publish has ${last.diagnostics.length} diagnostics`);
          continue;
        }
        const model = new TextModel(doc.text, 'plaintext');
        const key = (rule: string, message: string, start: { line: number; character: number }, end: { line: number; character: number }) =>
          `${rule}@${start.line}:${start.character}-${end.line}:${end.character} ${message}`;
        const core = linter
          .lintModel(model)
          .map((f) => key(f.rule, f.message, model.positionAt(f.offset), model.positionAt(f.offset + f.length)))
          .sort();
        if (core.length > 0 && last?.version !== doc.version) {
          problems.push(`${doc.uri}: last publish is for version ${last?.version}, the document is at ${doc.version}`);
          continue;
        }
        const published = (last?.diagnostics ?? [])
          .map((d) => key(String(d.code), typeof d.message === 'string' ? d.message : '', d.range.start, d.range.end))
          .sort();
        if (JSON.stringify(published) !== JSON.stringify(core)) {
          problems.push(
            `${doc.uri} v${doc.version}: published ${JSON.stringify(published)} but the core finds ${JSON.stringify(core)} on ${JSON.stringify(doc.text)}`,
          );
        }
      }
      return problems;
    };
    let problems = finalProblems();
    for (const deadline = Date.now() + FINAL_GRACE_MS; problems.length > 0 && Date.now() < deadline; problems = finalProblems()) {
      await quiet(client, 800, 5_000);
    }
    for (const problem of problems) fail(problem);
    for (const p of client.published) checkPublish(p);
    if (client.process?.exitCode !== null) fail(`the server exited (${client.process?.exitCode})`);
    const answered = await Promise.race([
      client.request('textDocument/hover', { textDocument: { uri: docs[0].uri }, position: { line: 0, character: 0 } }).then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
    ]);
    if (!answered) fail('the server no longer answers');
  } finally {
    await client.stop();
  }
  return report;
}

export function formatStorm(report: StormReport): string {
  const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  return [
    `${report.edits} edits (${report.incremental} incremental events, ${report.resyncs} full resyncs), ${report.opens} opens, ${report.closes} closes, ${report.malformed} malformed messages, ${report.requests} requests`,
    `sent in ${report.stormSeconds.toFixed(1)} s (${(report.edits / report.stormSeconds).toFixed(0)} edits/s); last publish at ${report.settledSeconds.toFixed(1)} s; ${report.publishes} publishes`,
    `server RSS: ${mb(report.rssAtCheckpoint)} at the checkpoint, ${mb(report.rssAtEnd)} at the end`,
  ].join('\n');
}
