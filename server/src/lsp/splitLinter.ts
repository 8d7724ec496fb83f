/**
 * The core Linter, split by rule scope. Paragraph-scope rules are cached per paragraph
 * by the core, so re-running them after a keystroke costs only the edited paragraph.
 * Document-scope rules read the whole text on every call (hundreds of milliseconds on
 * a 150 KB draft), so the live linter runs them only when typing pauses; holding them
 * in a second Linter is what lets it run the two halves separately.
 *
 * lint() runs both and merges them in the engine's order, giving what a single
 * Linter over all rules gives (the CLI's result).
 */
import { Linter, RULES, TextModel, type Finding, type Language, type LintOptions, type Rule } from '../core';

export class SplitLinter {
  readonly paragraph: Linter;
  readonly document: Linter;
  private readonly documentRuleIds: Set<string>;

  constructor(options: LintOptions, rules: readonly Rule[] = RULES) {
    this.paragraph = new Linter(
      options,
      rules.filter((r) => r.meta.scope !== 'document'),
    );
    this.document = new Linter(
      options,
      rules.filter((r) => r.meta.scope === 'document'),
    );
    this.documentRuleIds = new Set(rules.filter((r) => r.meta.scope === 'document').map((r) => r.meta.id));
  }

  isDocumentRule(id: string): boolean {
    return this.documentRuleIds.has(id);
  }

  lintParagraphs(text: TextModel): Finding[] {
    return this.paragraph.lintModel(text);
  }

  lintDocument(text: TextModel): Finding[] {
    return this.documentRuleIds.size === 0 ? [] : this.document.lintModel(text);
  }

  /** Every rule, as one Linter would report it. */
  lint(raw: string, language: Language): Finding[] {
    const text = new TextModel(raw, language);
    return mergeFindings(this.lintParagraphs(text), this.lintDocument(text));
  }
}

/** The engine's order: by offset, then rule id. */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  return [...a, ...b].sort((x, y) => x.offset - y.offset || x.rule.localeCompare(y.rule));
}

/**
 * Moves findings of the previous text onto the text after `changes` (offset ranges,
 * applied in order). A finding (or one of its fix edits) that a change touches is
 * dropped: only a fresh lint can say what it became.
 */
export function carryFindings(findings: readonly Finding[], changes: ReadonlyArray<{ start: number; end: number; length: number }>): Finding[] {
  let carried: Finding[] = [...findings];
  for (const change of changes) {
    const delta = change.length - (change.end - change.start);
    // A range ending where the change starts, or starting where it ends, keeps its text.
    const move = (offset: number, length: number): number | undefined => {
      if (length > 0 ? offset + length <= change.start : offset < change.start) return offset;
      if (length > 0 ? offset >= change.end : offset > change.end) return offset + delta;
      return undefined;
    };
    const next: Finding[] = [];
    for (const f of carried) {
      const offset = move(f.offset, f.length);
      if (offset === undefined) continue;
      let intact = true;
      const fixes = f.fixes.map((fix) => ({
        ...fix,
        edits: fix.edits.map((e) => {
          const moved = move(e.offset, e.length);
          if (moved === undefined) intact = false;
          return { ...e, offset: moved ?? e.offset };
        }),
      }));
      if (intact) next.push(offset === f.offset && delta === 0 ? f : { ...f, offset, fixes });
    }
    carried = next;
  }
  return carried;
}
