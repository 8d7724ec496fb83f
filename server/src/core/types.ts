/**
 * Shared vocabulary of the lint core. Offsets are UTF-16 code units (JavaScript
 * string indices) into the decoded text, exactly as LSP counts them, so nothing
 * in the core ever converts between code points and code units.
 */
import type { LearnedModel } from './model/types';
import type { Lexicon } from './lexicon';
import type { TextModel, Paragraph } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
/** Every severity setting, mildest first: the one list config, settings, CLI and the generated schema check against. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

export type Category = 'duplication' | 'digits' | 'punctuation' | 'spacing' | 'structure' | 'characters' | 'consistency';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/**
 * safe: mechanical and meaning-preserving, the answer any editor would give; `--fix`
 * and fix-all on save apply it unread. suggestion: a judgement about wording, applied
 * only when asked for (`--fix-type suggestion`, a quick fix, the suggestions command).
 */
export type FixKind = 'safe' | 'suggestion';
export const FIX_KINDS: readonly FixKind[] = ['safe', 'suggestion'];

export interface Fix {
  /** Chinese, shown as the quick-fix title. */
  title: string;
  edits: TextEdit[];
  /**
   * Overrides the rule's meta.fixKind for this fix. The engine fills it in, so every
   * finding the Linter returns carries the kind of each of its fixes.
   */
  kind?: FixKind;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Chinese message naming the fix, e.g. 重复的“为”，应为“为抓手”. */
  message: string;
  offset: number;
  length: number;
  fixes: Fix[];
  /** Why we believe it: the learned evidence or the standard's clause, for hovers. */
  evidence?: string;
  /**
   * The word an editor would add to the house dictionary to silence this finding
   * ("allow ‘X’ in this project"); defaults to the flagged text.
   */
  subject?: string;
}

export interface RuleDocs {
  /** One line in Chinese: what the rule checks. */
  summary: string;
  /** English gloss of the summary, for the README and docs. */
  gloss: string;
  /** Why it matters to an editor (Chinese or English). */
  why: string;
  /** A defective example and its corrected form. */
  example: { bad: string; good: string };
  /** Standard clause or source, when there is one (GB/T 15834-2011 4.1 …). */
  reference?: string;
}

export interface RuleMeta {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  fixable: boolean;
  /** The kind of this rule's fixes unless a fix says otherwise (required when fixable). */
  fixKind?: FixKind;
  /** When some fixes override fixKind: which, in Chinese (shown in the docs). */
  fixKindNote?: string;
  /**
   * paragraph: findings depend only on the paragraph's own text (and the model),
   * so the engine may cache them per paragraph; document: the rule reads the whole text.
   */
  scope: 'paragraph' | 'document';
  /**
   * A document rule whose every finding stands in one paragraph and is judged on it,
   * the rest of the text serving only as evidence (duplicate-word): like a paragraph
   * rule, it still runs on the Chinese paragraphs of a text not Chinese as a whole.
   */
  judgesParagraphs?: boolean;
  /**
   * Rules whose finding on the same span says it better: a finding of this rule that
   * overlaps one of theirs is dropped, so the editor reads one finding, not two
   * (wrong-char yields to fixed-phrase and name-consistency).
   */
  yieldsTo?: readonly string[];
  docs: RuleDocs;
}

/** What the engine hands a rule. Rules never load anything themselves. */
export interface RuleContext<State = unknown> {
  text: TextModel;
  model: LearnedModel;
  lexicon: Lexicon;
  /** Words the house dictionary allows (config `allow`), already merged. */
  isAllowed(word: string): boolean;
  report(finding: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }): void;
  /**
   * What the rule's createState built for this linter's model and lexicon (undefined
   * without createState). Built on first use, then shared by every text the linter lints.
   */
  readonly state: State;
}

/**
 * A rule. Per-model work (indexes over the learned sections, caches keyed by the
 * lexicon) belongs in createState, as ESLint's create(context) and harper's &mut self
 * give a rule a place of its own: called at most once per Linter, its result reaches
 * every check as ctx.state. A module-level WeakMap keyed by the model does the same
 * job out of sight, and outlives the linter.
 */
export interface Rule<State = unknown> {
  meta: RuleMeta;
  /** Builds the rule's per-linter state from the model and lexicon the linter was made with. */
  createState?(model: LearnedModel, lexicon: Lexicon): State;
  /** For scope 'paragraph': called once per paragraph. */
  checkParagraph?(ctx: RuleContext<State>, paragraph: Paragraph): void;
  /** For scope 'document': called once per text. */
  checkDocument?(ctx: RuleContext<State>): void;
}

export interface LintOptions {
  model: LearnedModel;
  lexicon: Lexicon;
  /** Per-rule severity or 'off'; rules not named use their default. */
  rules?: Record<string, SeveritySetting>;
  /** House dictionary: words and names never to flag. */
  allow?: string[];
  /** 'markdown' masks code, front matter, HTML comments; 'plaintext' masks URLs only. */
  language?: 'markdown' | 'plaintext';
  /** Called when a rule throws; the rule is skipped for that text. */
  onRuleError?(ruleId: string, error: unknown): void;
}
