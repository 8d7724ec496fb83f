/**
 * bench:quality — detection quality, leave-one-out over seeds/.
 *
 * For each seed: learn a model from the other seeds, lint the seed as it is (every
 * finding that is not on a known real defect is a false alarm), then inject defects
 * of every family into copies of it and score each rule's recall (injected defects
 * it flags) and precision (its findings that land on an injected defect; findings on
 * known real defects leave the denominator). Injection is seeded (mulberry32), so two
 * runs inject the same defects at the same places and can be compared.
 *
 *   npm run bench:quality [-- --seed N --rounds N --per-family N --hold-out 000,004]
 */
import { Linter, learnModel, RULES, TextModel, type Finding, type LearnedModel, type Lexicon } from '../server/src/core';
import { loadLexicon } from '../server/src/node/resources';
import { loadSeeds, machineDescription, writeResult, type SeedDoc } from './lib/corpus';
import { isKnownDefect, loadKnownDefects, resolveKnownDefects, type KnownDefect, type KnownRange } from './lib/known-defects';
import { mulberry32, type Rng } from './lib/rng';
import { fixed, renderTable, verdict } from './lib/table';
import { INJECTORS } from './inject';
import { applyInjections, footprint, tokenize, type AppliedInjection, type InjectContext, type Injection, type Injector } from './inject/types';

export const DEFAULT_SEED = 20260119;

interface Target {
  recall?: number;
  precision?: number;
  /** Findings per 10,000 characters of clean text, excluding known real defects. */
  falseAlarms?: number;
  kind: 'mechanical' | 'learned' | 'structural' | 'other';
}

const MECHANICAL: Target = { recall: 0.95, precision: 0.95, kind: 'mechanical' };
export const TARGETS: Record<string, Target> = {
  'duplicate-word': { ...MECHANICAL, falseAlarms: 0.5 },
  'stray-digits': { ...MECHANICAL, falseAlarms: 0.5 },
  'punctuation-width': MECHANICAL,
  'paired-punctuation': MECHANICAL,
  'repeated-punctuation': MECHANICAL,
  'cjk-spacing': MECHANICAL,
  'traditional-char': MECHANICAL,
  'fixed-phrase': { recall: 0.8, precision: 0.9, falseAlarms: 0.5, kind: 'learned' },
  'name-consistency': { recall: 0.8, precision: 0.9, falseAlarms: 0.5, kind: 'learned' },
  // No target was set for these; they are measured all the same.
  'broken-paragraph': { kind: 'structural' },
  'numbering-sequence': { kind: 'structural' },
};

export interface QualityOptions {
  seed?: number;
  /** Injected copies of each held-out document. */
  rounds?: number;
  /** Injections per family per round (fewer when a document has too few sites). */
  perFamily?: number;
  /** Cap on the injections in one round (all families together). */
  maxPerRound?: number;
  /** Minimum distance in characters between two injections. */
  spacing?: number;
  docs?: SeedDoc[];
  /** Names (or name prefixes) of the documents to hold out; default: every one. */
  holdOut?: string[];
  /** Documents to learn from instead of "all the others" (tests use a small corpus). */
  learnFrom?: (heldOut: SeedDoc, all: SeedDoc[]) => SeedDoc[];
  /**
   * One model for every held-out document instead of learning per document (the
   * development corpus: learned once from half A). `learning` then gives the texts the
   * injectors may read as "the learning corpus".
   */
  fixedModel?: { model: LearnedModel; learning: readonly string[] };
  /** Every finding on a clean held-out document that is not on a known defect (for review dumps). */
  onCleanFalseAlarm?: (doc: SeedDoc, finding: Finding, text: TextModel) => void;
  injectors?: readonly Injector[];
  known?: KnownDefect[];
  lexicon?: Lexicon;
  /** Also measure false alarms with the model learned from every document (default true). */
  reference?: boolean;
  /** Examples kept per rule and kind in the report. */
  examples?: number;
  /** Every injection scored, found by its own rule or not (for per-kind recall dumps). */
  onInjection?: (doc: SeedDoc, injection: AppliedInjection, found: boolean, text: string) => void;
}

export interface RuleScore {
  rule: string;
  /** The rule file is still a stub (meta.docs.why is empty). */
  stub: boolean;
  injected: number;
  detected: number;
  recall: number | null;
  findings: number;
  hits: number;
  /** Findings on known real seed defects, left out of the precision denominator. */
  excused: number;
  falsePositives: number;
  precision: number | null;
  /** Clean seeds, model learned from the other seeds. */
  falseAlarms: number;
  falseAlarmsPer10k: number;
  /** Clean seeds, model learned from all seeds (the shipped default), for reference. */
  falseAlarmsReference: number | null;
  falseAlarmsReferencePer10k: number | null;
  target: Target | null;
}

export interface FamilyScore {
  family: string;
  rule: string;
  candidates: number;
  injected: number;
  detected: number;
  recall: number | null;
  /** Injections of this family flagged (only) by other rules, by rule. */
  flaggedByOtherRules: Record<string, number>;
  /** Injected and detected per injection group (e.g. the confusable pair), for families that report by group. */
  byGroup?: Record<string, { injected: number; detected: number }>;
  error?: string;
}

export interface SeedScore {
  name: string;
  characters: number;
  injected: number;
  falseAlarms: Record<string, number>;
  falseAlarmsReference: Record<string, number> | null;
  baselineFalseAlarms: number;
}

interface Example {
  seed: string;
  line: number;
  rule: string;
  text: string;
  message?: string;
  label?: string;
  flaggedBy?: string[];
}

export interface QualityReport {
  benchmark: 'quality';
  date: string;
  machine: string;
  command: string;
  seed: number;
  rounds: number;
  perFamily: number;
  spacing: number;
  durationMs: number;
  characters: number;
  rules: RuleScore[];
  families: FamilyScore[];
  seeds: SeedScore[];
  baseline: { description: string; matches: number; onKnownDefects: number; falseAlarms: number; per10k: number };
  examples: { misses: Example[]; injectedFalsePositives: Example[]; cleanFalseAlarms: Example[] };
}

const overlaps = (f: Finding, [s, e]: [number, number]) => f.offset < e && f.offset + Math.max(1, f.length) > s;
const per10k = (count: number, chars: number) => (chars === 0 ? 0 : (count * 10_000) / chars);

/** The naive baseline from the issue: any doubled Han character is an error. */
export const NAIVE_DOUBLED_HAN = /(\p{Script=Han})\1/gu;

export function runQuality(options: QualityOptions = {}): QualityReport {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const rounds = options.rounds ?? 5;
  const perFamily = options.perFamily ?? 4;
  const spacing = options.spacing ?? 20;
  const maxPerRound = options.maxPerRound ?? Infinity;
  const exampleCap = options.examples ?? 12;
  const lexicon = options.lexicon ?? loadLexicon();
  const known = options.known ?? loadKnownDefects();
  const injectors = options.injectors ?? INJECTORS;
  const docs = options.docs ?? loadSeeds();
  const heldOut = docs.filter((d) => !options.holdOut || options.holdOut.some((h) => d.name.startsWith(h)));
  const rootRng = mulberry32(seed);

  const ruleIds = RULES.map((r) => r.meta.id);
  const tally = new Map(ruleIds.map((id) => [id, { injected: 0, detected: 0, findings: 0, hits: 0, excused: 0, fp: 0, fa: 0, faRef: 0 }]));
  const families = new Map<string, FamilyScore>(
    injectors.map((inj) => [
      inj.family,
      {
        family: inj.family,
        rule: inj.rule,
        candidates: 0,
        injected: 0,
        detected: 0,
        recall: null,
        flaggedByOtherRules: {},
        ...(inj.reportByGroup ? { byGroup: {} } : {}),
      },
    ]),
  );
  const examples: QualityReport['examples'] = { misses: [], injectedFalsePositives: [], cleanFalseAlarms: [] };
  const keep = (list: Example[], example: Example) => {
    if (list.filter((e) => e.rule === example.rule).length < exampleCap) list.push(example);
  };

  const learn = (files: SeedDoc[]): LearnedModel =>
    learnModel(
      files.map((d) => ({ path: d.path, content: d.content })),
      lexicon,
    );
  const referenceModel = options.reference === false || options.fixedModel ? null : learn(docs);
  const referenceLinter = referenceModel ? new Linter({ model: referenceModel, lexicon }) : null;

  // A fixed model is linted with one Linter, so its paragraph cache and rule state are shared.
  const fixedLinter = options.fixedModel ? new Linter({ model: options.fixedModel.model, lexicon }) : null;
  const seeds: SeedScore[] = [];
  let baselineMatches = 0;
  let baselineOnKnown = 0;
  let characters = 0;

  for (const doc of heldOut) {
    const learning = options.fixedModel ? [] : options.learnFrom ? options.learnFrom(doc, docs) : docs.filter((d) => d !== doc);
    const model = options.fixedModel?.model ?? learn(learning);
    const linter = fixedLinter ?? new Linter({ model, lexicon });
    const raw = doc.content;
    const text = new TextModel(raw, doc.language);
    const knownRanges = resolveKnownDefects(known, doc.name, raw);
    characters += raw.length;

    // 1. False alarms on the clean document.
    const clean = linter.lint(raw, doc.language);
    const falseAlarms: Record<string, number> = {};
    for (const f of clean) {
      if (isKnownDefect(knownRanges, f.rule, f.offset, f.offset + f.length)) continue;
      falseAlarms[f.rule] = (falseAlarms[f.rule] ?? 0) + 1;
      tally.get(f.rule)!.fa++;
      options.onCleanFalseAlarm?.(doc, f, text);
      keep(examples.cleanFalseAlarms, {
        seed: doc.name,
        line: text.positionAt(f.offset).line + 1,
        rule: f.rule,
        text: context(raw, f.offset, f.length),
        message: f.message,
      });
    }
    let falseAlarmsReference: Record<string, number> | null = null;
    if (referenceLinter) {
      falseAlarmsReference = {};
      for (const f of referenceLinter.lint(raw, doc.language)) {
        if (isKnownDefect(knownRanges, f.rule, f.offset, f.offset + f.length)) continue;
        falseAlarmsReference[f.rule] = (falseAlarmsReference[f.rule] ?? 0) + 1;
        tally.get(f.rule)!.faRef++;
      }
    }
    // The baseline claims a duplication; only the real duplications (年度度, 为为…) make it right.
    const realDuplications = knownRanges.filter((r) => r.kind === 'site' && r.expected === 'duplicate-word');
    let baseline = 0;
    for (const m of raw.matchAll(NAIVE_DOUBLED_HAN)) {
      baselineMatches++;
      if (isKnownDefect(realDuplications, 'duplicate-word', m.index!, m.index! + m[0].length)) baselineOnKnown++;
      else baseline++;
    }

    // 2. Candidate sites, away from real defects, masked regions and clean findings.
    const forbidden = forbiddenMap(raw, text.masked, knownRanges, clean, spacing);
    const ctx: InjectContext = {
      raw,
      masked: text.masked,
      lexicon,
      learning: options.fixedModel?.learning ?? learning.map((d) => d.content),
      model,
      tokens: tokenize(text.masked, lexicon),
      rng: rootRng.fork(`candidates:${doc.name}`),
    };
    const candidates = new Map<string, Injection[]>();
    for (const injector of injectors) {
      const score = families.get(injector.family)!;
      try {
        const found = injector.candidates({ ...ctx, rng: ctx.rng.fork(injector.family) }).filter((c) => isFree(forbidden, c));
        candidates.set(injector.family, found);
        score.candidates += found.length;
      } catch (error) {
        score.error = (error as Error).stack ?? String(error);
        candidates.set(injector.family, []);
      }
    }

    // 3. Rounds: inject, lint, score.
    const used = new Set<Injection>();
    let injectedHere = 0;
    for (let round = 0; round < rounds; round++) {
      const rng = rootRng.fork(`round:${doc.name}:${round}`);
      const chosen = choose(candidates, used, rng, perFamily, maxPerRound, spacing);
      if (chosen.length === 0) continue;
      injectedHere += chosen.length;
      const injected = applyInjections(raw, chosen);
      const mappedKnown: KnownRange[] = knownRanges.map((r) => ({ ...r, start: injected.map(r.start), end: injected.map(r.end) }));
      const findings = linter.lint(injected.text, doc.language);
      const injectedModel = new TextModel(injected.text, doc.language);
      scoreRound(doc, injected.text, injectedModel, injected.injections, findings, mappedKnown);
    }
    seeds.push({ name: doc.name, characters: raw.length, injected: injectedHere, falseAlarms, falseAlarmsReference, baselineFalseAlarms: baseline });
  }

  function scoreRound(doc: SeedDoc, text: string, model: TextModel, injections: AppliedInjection[], findings: Finding[], knownRanges: KnownRange[]) {
    for (const inj of injections) {
      const family = families.get(inj.family)!;
      const t = tally.get(inj.rule);
      family.injected++;
      if (t) t.injected++;
      const group = inj.group === undefined || !family.byGroup ? undefined : (family.byGroup[inj.group] ??= { injected: 0, detected: 0 });
      if (group) group.injected++;
      const flaggedBy = [...new Set(findings.filter((f) => inj.spans.some((s) => overlaps(f, s))).map((f) => f.rule))];
      options.onInjection?.(doc, inj, flaggedBy.includes(inj.rule), text);
      if (flaggedBy.includes(inj.rule)) {
        family.detected++;
        if (group) group.detected++;
        if (t) t.detected++;
      } else {
        for (const r of flaggedBy) family.flaggedByOtherRules[r] = (family.flaggedByOtherRules[r] ?? 0) + 1;
        const [s, e] = inj.spans[0];
        keep(examples.misses, {
          seed: doc.name,
          line: model.positionAt(s).line + 1,
          rule: inj.rule,
          text: context(text, s, e - s),
          label: `${inj.family}: ${inj.label}`,
          flaggedBy,
        });
      }
    }
    for (const f of findings) {
      const t = tally.get(f.rule);
      if (!t) continue;
      t.findings++;
      if (injections.some((inj) => inj.spans.some((s) => overlaps(f, s)))) t.hits++;
      else if (isKnownDefect(knownRanges, f.rule, f.offset, f.offset + f.length)) t.excused++;
      else {
        t.fp++;
        keep(examples.injectedFalsePositives, {
          seed: doc.name,
          line: model.positionAt(f.offset).line + 1,
          rule: f.rule,
          text: context(text, f.offset, f.length),
          message: f.message,
        });
      }
    }
  }

  const rules: RuleScore[] = RULES.map((rule) => {
    const t = tally.get(rule.meta.id)!;
    return {
      rule: rule.meta.id,
      stub: rule.meta.docs.why.trim() === '',
      injected: t.injected,
      detected: t.detected,
      recall: t.injected ? t.detected / t.injected : null,
      findings: t.findings,
      hits: t.hits,
      excused: t.excused,
      falsePositives: t.fp,
      precision: t.hits + t.fp ? t.hits / (t.hits + t.fp) : null,
      falseAlarms: t.fa,
      falseAlarmsPer10k: per10k(t.fa, characters),
      falseAlarmsReference: referenceLinter ? t.faRef : null,
      falseAlarmsReferencePer10k: referenceLinter ? per10k(t.faRef, characters) : null,
      target: TARGETS[rule.meta.id] ?? null,
    };
  });
  for (const f of families.values()) f.recall = f.injected ? f.detected / f.injected : null;
  const baselineFalseAlarms = baselineMatches - baselineOnKnown;

  return {
    benchmark: 'quality',
    date: new Date().toISOString(),
    machine: machineDescription(),
    command: 'npm run bench:quality',
    seed,
    rounds,
    perFamily,
    spacing,
    durationMs: Date.now() - started,
    characters,
    rules,
    families: [...families.values()],
    seeds,
    baseline: {
      description: 'any doubled Han character /(\\p{Script=Han})\\1/u on the clean seeds, matches on known real duplications excluded',
      matches: baselineMatches,
      onKnownDefects: baselineOnKnown,
      falseAlarms: baselineFalseAlarms,
      per10k: per10k(baselineFalseAlarms, characters),
    },
    examples,
  };
}

/** Marks characters no injection may touch: known defects, masked text, clean findings. */
function forbiddenMap(raw: string, masked: string, known: readonly KnownRange[], clean: readonly Finding[], spacing: number): Uint8Array {
  const forbidden = new Uint8Array(raw.length + 1);
  const mark = (start: number, end: number) => forbidden.fill(1, Math.max(0, start), Math.min(raw.length, end));
  for (const r of known) {
    if (r.kind === 'site') mark(r.start - spacing, r.end + spacing);
    else mark(r.start - 3, r.end + 3);
  }
  for (const f of clean) mark(f.offset - 5, f.offset + Math.max(1, f.length) + 5);
  for (let i = 0; i < raw.length; i++) if (masked[i] !== raw[i]) mark(i - 2, i + 3);
  return forbidden;
}

function isFree(forbidden: Uint8Array, inj: Injection): boolean {
  const [start, end] = footprint(inj);
  if (start < 1 || end > forbidden.length - 2) return false;
  for (let i = start - 1; i <= end; i++) if (forbidden[i]) return false;
  return true;
}

/**
 * Picks up to `perFamily` candidates of each family, families taking turns, keeping
 * `spacing` characters between any two and preferring sites not used in earlier rounds.
 */
function choose(candidates: Map<string, Injection[]>, used: Set<Injection>, rng: Rng, perFamily: number, maxTotal: number, spacing: number): Injection[] {
  const queues = new Map<string, Injection[]>();
  for (const [family, list] of candidates) {
    const fresh = rng.shuffle(list.filter((c) => !used.has(c)));
    const again = rng.shuffle(list.filter((c) => used.has(c)));
    queues.set(family, [...fresh, ...again]);
  }
  const chosen: Injection[] = [];
  const taken: Array<[number, number]> = [];
  const groups = new Set<string>();
  const counts = new Map<string, number>();
  const order = rng.shuffle([...queues.keys()]);
  let progress = true;
  while (progress && chosen.length < maxTotal) {
    progress = false;
    for (const family of order) {
      if ((counts.get(family) ?? 0) >= perFamily || chosen.length >= maxTotal) continue;
      const queue = queues.get(family)!;
      while (queue.length > 0) {
        const c = queue.shift()!;
        const ranges = [footprint(c), ...(c.keep ?? [])];
        if (c.group !== undefined && groups.has(`${family}:${c.group}`)) continue;
        if (ranges.some(([s, e]) => taken.some(([ts, te]) => s < te + spacing && e + spacing > ts))) continue;
        chosen.push(c);
        used.add(c);
        taken.push(...ranges);
        if (c.group !== undefined) groups.add(`${family}:${c.group}`);
        counts.set(family, (counts.get(family) ?? 0) + 1);
        progress = true;
        break;
      }
    }
  }
  return chosen;
}

function context(text: string, offset: number, length: number, radius = 8): string {
  const s = Math.max(0, offset - radius);
  const e = Math.min(text.length, offset + Math.max(length, 1) + radius);
  return `${text.slice(s, offset)}【${text.slice(offset, offset + length)}】${text.slice(offset + length, e)}`.replace(/\n/g, '⏎');
}

export function formatQuality(report: QualityReport): string {
  const out: string[] = [];
  const chars = report.characters;
  out.push(
    `jiaodui bench:quality — leave-one-out over ${report.seeds.length} seed(s), ${chars.toLocaleString('en')} characters; ` +
      `${report.rounds} round(s) × ≤${report.perFamily} injection(s) per family per seed; PRNG seed ${report.seed}; ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  out.push('');
  const rows = report.rules.map((r) => {
    const t = r.target;
    const targetRp = t?.recall !== undefined ? `≥${t.recall}/${t.precision}` : '';
    return [
      r.rule + (r.stub ? ' (stub)' : ''),
      r.injected || '',
      r.injected ? fixed(r.recall) : '',
      r.findings,
      r.hits,
      r.excused,
      r.falsePositives,
      fixed(r.precision),
      targetRp,
      [verdict(r.recall, t?.recall, 'min'), verdict(r.precision, t?.precision, 'min')].filter(Boolean).join('/'),
      fixed(r.falseAlarmsPer10k),
      fixed(r.falseAlarmsReferencePer10k),
      t?.falseAlarms !== undefined ? `<${t.falseAlarms}` : '',
      verdict(r.falseAlarmsPer10k, t?.falseAlarms, 'max'),
    ];
  });
  out.push(
    renderTable(
      ['rule', 'injected', 'recall', 'findings', 'hits', 'excused', 'FP', 'precision', 'target R/P', '', 'FA/10k', 'FA/10k all5', 'target FA', ''],
      rows,
      new Set([1, 2, 3, 4, 5, 6, 7, 10, 11]),
    ),
  );
  out.push('');
  out.push("recall: injected defects flagged by the right rule; precision: the rule's findings on injected text that hit an injected defect");
  out.push('(findings on known real seed defects — "excused" — are left out); FA/10k: findings per 10,000 characters on the clean seeds,');
  out.push('known real defects excluded, model learned from the other seeds (leave-one-out); "all5": with the default model learned from all seeds.');
  out.push('');
  out.push(
    renderTable(
      ['family', 'rule', 'sites', 'injected', 'recall', 'flagged instead by'],
      report.families.map((f) => [
        f.family,
        f.rule,
        f.candidates,
        f.injected,
        fixed(f.recall),
        f.error
          ? `INJECTOR ERROR: ${f.error.split('\n')[0]}`
          : Object.entries(f.flaggedByOtherRules)
              .map(([r, n]) => `${r} ${n}`)
              .join(', '),
      ]),
      new Set([2, 3, 4]),
    ),
  );
  out.push('');
  const faRules = report.rules.filter((r) => r.target?.falseAlarms !== undefined).map((r) => r.rule);
  out.push(
    renderTable(
      ['seed', 'chars', 'injected', ...faRules.map((r) => `FA ${r}`), 'FA all rules', 'naive doubled-Han FA'],
      report.seeds.map((s) => [
        s.name.slice(0, 3),
        s.characters,
        s.injected,
        ...faRules.map((r) => s.falseAlarms[r] ?? 0),
        Object.values(s.falseAlarms).reduce((a, b) => a + b, 0),
        s.baselineFalseAlarms,
      ]),
      new Set(Array.from({ length: faRules.length + 4 }, (_, i) => i + 1)),
    ),
  );
  out.push('');
  const dup = report.rules.find((r) => r.rule === 'duplicate-word');
  const b = report.baseline;
  out.push(
    `naive baseline (any doubled Han character): ${b.matches} matches, ${b.onKnownDefects} on real duplications → ${fixed(b.per10k)} false alarms / 10k chars` +
      (dup
        ? `; duplicate-word: ${fixed(dup.falseAlarmsPer10k)} / 10k (${dup.falseAlarmsPer10k > 0 ? `${(b.per10k / dup.falseAlarmsPer10k).toFixed(0)}× fewer` : 'none'})`
        : ''),
  );
  return out.join('\n');
}

function parseArgs(argv: string[]): QualityOptions {
  const options: QualityOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--seed':
        options.seed = Number(value);
        i++;
        break;
      case '--rounds':
        options.rounds = Number(value);
        i++;
        break;
      case '--per-family':
        options.perFamily = Number(value);
        i++;
        break;
      case '--hold-out':
        options.holdOut = value.split(',');
        i++;
        break;
      case '--no-reference':
        options.reference = false;
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (use --seed N --rounds N --per-family N --hold-out 000,001 --no-reference)`);
    }
  }
  return options;
}

if (require.main === module) {
  const report = runQuality(parseArgs(process.argv.slice(2)));
  console.log(formatQuality(report));
  console.log(`\nwrote ${writeResult('quality.json', report)}`);
}
