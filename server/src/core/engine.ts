/**
 * The lint engine: text → findings. Paragraph-scoped rules are cached per paragraph
 * text, so re-linting an edited document only re-checks the paragraphs that changed
 * (the language server relies on this). Document-scoped rules run on every call.
 */
import { TextModel, type Language, type Paragraph } from './text';
import { RULES } from './rules';
import { runFixes } from './fixes';
import { ParagraphCache } from './paragraph-cache';
import { isChineseText } from './analysis/script';
import type { Finding, FixKind, LintOptions, Rule, RuleContext, Severity } from './types';

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  /** The context this rule is handed, made once per Linter (see RuleRunner). */
  ctx: RuleContext;
}

/**
 * What the contexts read while one rule runs: where findings go and which text is
 * being checked. Contexts are made once per rule, not once per rule and paragraph:
 * a 3 MB draft has 25,000 paragraphs, and fresh closures for each cost more than
 * several rules. A paragraph's local TextModel is built only if a rule asks for it.
 */
class RuleRunner {
  sink: Finding[] = [];
  private documentText?: TextModel;
  private paragraphText = '';
  private localText?: TextModel;

  forDocument(text: TextModel, sink: Finding[]): void {
    this.documentText = text;
    this.sink = sink;
  }

  forParagraph(paragraphText: string, sink: Finding[]): void {
    this.documentText = undefined;
    this.paragraphText = paragraphText;
    this.localText = undefined;
    this.sink = sink;
  }

  /** Lets go of the last text and findings, so a linter kept between documents holds neither. */
  release(): void {
    this.documentText = undefined;
    this.localText = undefined;
    this.paragraphText = '';
    this.sink = [];
  }

  get text(): TextModel {
    if (this.documentText) return this.documentText;
    this.localText ??= TextModel.forParagraph(this.paragraphText);
    return this.localText;
  }
}

export class Linter {
  private readonly options: LintOptions;
  private readonly active: ActiveRule[];
  private readonly allow: Set<string>;
  /** paragraph text → findings with offsets relative to the paragraph start, bounded by size. */
  private readonly paragraphCache = new ParagraphCache();
  private readonly failedRules = new Set<string>();
  private readonly runner = new RuleRunner();
  private readonly paragraphRules: ActiveRule[];
  private readonly documentRules: ActiveRule[];
  /** Rule id → the rules it yields to on an overlapping span (RuleMeta.yieldsTo). */
  private readonly yielding = new Map<string, Set<string>>();

  constructor(options: LintOptions, rules: readonly Rule[] = RULES) {
    this.options = options;
    this.allow = new Set((options.allow ?? []).filter((w) => w.length > 0));
    this.active = [];
    for (const rule of rules) {
      const setting = options.rules?.[rule.meta.id];
      if (setting === 'off') continue;
      const severity = setting ?? rule.meta.defaultSeverity;
      this.active.push({ rule, severity, ctx: this.contextFor(rule, severity) });
    }
    this.paragraphRules = this.active.filter((a) => a.rule.meta.scope === 'paragraph' && a.rule.checkParagraph);
    this.documentRules = this.active.filter((a) => a.rule.meta.scope === 'document' && a.rule.checkDocument);
    for (const { rule } of this.active) if (rule.meta.yieldsTo?.length) this.yielding.set(rule.meta.id, new Set(rule.meta.yieldsTo));
  }

  private contextFor(rule: Rule, severity: Severity): RuleContext {
    const meta = rule.meta;
    const id = meta.id;
    // A fix that names no kind is the rule's; a rule that names none is a judgement.
    const kind: FixKind = meta.fixKind ?? 'suggestion';
    const runner = this.runner;
    const allow = this.allow;
    const { model, lexicon } = this.options;
    let state: unknown;
    let built = false;
    return {
      get text() {
        return runner.text;
      },
      get state() {
        if (!built && rule.createState) state = rule.createState(model, lexicon);
        built = true;
        return state;
      },
      model,
      lexicon,
      isAllowed: (word) => allow.has(word),
      report: (f) => {
        // Built key by key: spreading a dozen rules' finding shapes is a slow, megamorphic copy.
        const fixes = f.fixes.every((fix) => fix.kind !== undefined) ? f.fixes : f.fixes.map((fix) => (fix.kind ? fix : { ...fix, kind }));
        const finding: Finding = { message: f.message, offset: f.offset, length: f.length, fixes, rule: id, severity: f.severity ?? severity };
        if (f.evidence !== undefined) finding.evidence = f.evidence;
        if (f.subject !== undefined) finding.subject = f.subject;
        runner.sink.push(finding);
      },
    };
  }

  lint(raw: string, language: Language = this.options.language ?? 'plaintext'): Finding[] {
    const text = new TextModel(raw, language);
    return this.lintModel(text);
  }

  lintModel(text: TextModel): Finding[] {
    const findings: Finding[] = [];
    this.paragraphCache.beginLint();
    // English or Japanese is not linted as Chinese: each paragraph is asked (lintParagraph),
    // document rules run only over a text that reads as Chinese as a whole (those that judge
    // each paragraph on its own run on any text), and what they report inside a paragraph
    // that is not Chinese is dropped.
    const documentRules = isChineseText(text.masked) ? this.documentRules : this.documentRules.filter((active) => active.rule.meta.judgesParagraphs);
    if (this.paragraphRules.length > 0) {
      for (const paragraph of text.paragraphs) {
        const relative = this.lintParagraph(paragraph);
        for (const f of relative) findings.push(shift(f, paragraph.start));
      }
    }
    const documentStart = findings.length;
    for (const active of documentRules) {
      this.runner.forDocument(text, findings);
      const before = findings.length;
      try {
        active.rule.checkDocument!(active.ctx);
      } catch (error) {
        findings.length = before;
        this.failed(active.rule.meta.id, error);
      }
    }
    this.runner.release();
    if (findings.length > documentStart) dropOutsideChinese(text, findings, documentStart);
    return dropYielded(this.yielding, this.filter(text, findings)).sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
  }

  private lintParagraph(paragraph: Paragraph): Finding[] {
    let relative = this.paragraphCache.get(paragraph.text);
    if (!relative && !isChineseText(paragraph.text)) relative = [];
    if (!relative) {
      const localParagraph: Paragraph = { index: 0, start: 0, end: paragraph.text.length, text: paragraph.text };
      relative = [];
      this.runner.forParagraph(paragraph.text, relative);
      for (const active of this.paragraphRules) {
        const before = relative.length;
        try {
          active.rule.checkParagraph!(active.ctx, localParagraph);
        } catch (error) {
          relative.length = before;
          this.failed(active.rule.meta.id, error);
        }
      }
      this.paragraphCache.set(paragraph.text, relative);
    }
    return relative;
  }

  private failed(id: string, error: unknown): void {
    if (!this.failedRules.has(id)) {
      this.failedRules.add(id);
      this.options.onRuleError?.(id, error);
    }
  }

  /** Drops findings silenced by disable markers or covered by a house-dictionary word. */
  private filter(text: TextModel, findings: Finding[]): Finding[] {
    const allowedRanges: Array<[number, number]> = [];
    for (const word of this.allow) {
      for (let i = text.raw.indexOf(word); i >= 0; i = text.raw.indexOf(word, i + 1)) allowedRanges.push([i, i + word.length]);
    }
    const silenced = silencedLines(text);
    return findings.filter((f) => {
      if (allowedRanges.some(([s, e]) => f.offset >= s && f.offset + f.length <= e)) return false;
      const line = text.positionAt(f.offset).line;
      const rules = silenced.get(line);
      return !(rules && (rules.has('*') || rules.has(f.rule)));
    });
  }
}

/** Drops each finding of a yielding rule that overlaps a finding of a rule it yields to. */
function dropYielded(yielding: ReadonlyMap<string, ReadonlySet<string>>, findings: Finding[]): Finding[] {
  if (yielding.size === 0 || !findings.some((f) => yielding.has(f.rule))) return findings;
  const overlaps = (a: Finding, b: Finding) => a.offset < b.offset + Math.max(1, b.length) && b.offset < a.offset + Math.max(1, a.length);
  return findings.filter((f) => {
    const strongerRules = yielding.get(f.rule);
    return !strongerRules || !findings.some((g) => strongerRules.has(g.rule) && overlaps(f, g));
  });
}

/** Removes findings[from…] that start inside a paragraph that is not Chinese. */
function dropOutsideChinese(text: TextModel, findings: Finding[], from: number): void {
  const foreign = text.paragraphs.filter((p) => !isChineseText(p.text));
  if (foreign.length === 0) return;
  let kept = from;
  for (let i = from; i < findings.length; i++) {
    const f = findings[i];
    if (!foreign.some((p) => f.offset >= p.start && f.offset < p.end)) findings[kept++] = f;
  }
  findings.length = kept;
}

/** Lines silenced by directives: line → rule ids ('*' for all). */
function silencedLines(text: TextModel): Map<number, Set<string>> {
  const silenced = new Map<number, Set<string>>();
  if (text.directives.length === 0) return silenced;
  const add = (line: number, rules: string[] | null) => {
    let set = silenced.get(line);
    if (!set) silenced.set(line, (set = new Set()));
    for (const r of rules ?? ['*']) set.add(r);
  };
  const open = new Map<string, number>();
  for (const d of text.directives) {
    if (d.kind === 'disable-next-line') {
      let line = d.line + 1;
      while (line < text.lineCount && text.lineText(line).trim() === '') line++;
      add(line, d.rules);
    } else if (d.kind === 'disable') {
      for (const r of d.rules ?? ['*']) if (!open.has(r)) open.set(r, d.line);
    } else {
      for (const r of d.rules ?? [...open.keys()]) {
        const from = open.get(r);
        if (from === undefined) continue;
        for (let line = from; line <= d.line; line++) add(line, [r]);
        open.delete(r);
      }
    }
  }
  for (const [r, from] of open) for (let line = from; line < text.lineCount; line++) add(line, [r]);
  return silenced;
}

function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    offset: f.offset + by,
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: e.offset + by })) })),
  };
}

/** One-shot lint, for callers that lint a text once. */
export function lint(text: string, options: LintOptions): Finding[] {
  return new Linter(options).lint(text);
}

export interface FixAllResult {
  text: string;
  /** Findings of the first lint whose fix was applied (offsets in the original text). */
  fixed: Finding[];
  /** Findings left in the fixed text. */
  remaining: Finding[];
}

/**
 * Lint and apply the fixes of the allowed kinds (safe only unless asked), in passes
 * for fixes deferred by overlaps; only findings of the first lint are ever fixed
 * (see runFixes).
 */
export function fixAll(text: string, options: LintOptions, linter = new Linter(options), kinds: readonly FixKind[] = ['safe']): FixAllResult {
  const run = runFixes(text, (t) => linter.lint(t), { kinds });
  return { text: run.text, fixed: run.applied, remaining: run.remaining };
}
