/**
 * Code actions from the fix data on the diagnostics (stateless, as vscode-eslint):
 *  - one quick fix per fix of the finding (suggestions too: the lightbulb is where an
 *    editor confirms a judgement), preferred only when it is the finding's one safe fix;
 *  - 修复本文件中所有 <rule> 问题, when the rule has more than one safe fix here;
 *  - 应用本文件中所有 <rule> 建议…, when it has suggestions: the client command asks
 *    for confirmation with the count before applying;
 *  - 忽略此处: a disable marker on the line above (HTML comment in Markdown, a bare
 *    line in plain text, as the core's directive parser reads both);
 *  - 在本项目中允许“X”: a server command adding X to `allow` in .jiaoduirc.json;
 *  - source.fixAll.jiaodui (editor.codeActionsOnSave, safe fixes only) and Traditional → Simplified,
 *    only when the client asks for source actions.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { autoFix, type Finding, type FixKind } from '../core';
import { isOurs, toDiagnostic, type DiagnosticData } from './diagnostics';
import { fixAllEdits, toWireEdits, type FixAllEdits } from './edits';
import { toSimplifiedEdits } from './convert';
import type { LintResult } from './linting';
import { coreLanguage, canonicalLanguageId } from './settings';
import {
  ALLOW_WORD_COMMAND,
  APPLY_SUGGESTIONS_COMMAND,
  CONVERT_KIND,
  FIX_ALL_KIND,
  type AllowWordArgs,
  type ApplySuggestionsArgs,
  type WireTextEdit,
} from './protocol';

export interface ClientSupport {
  documentChanges: boolean;
  /** The client resolves code actions lazily (codeAction/resolve with `edit`). */
  resolveEdit: boolean;
}

/** What a lazily computed action carries until codeAction/resolve. */
export interface ResolveData {
  kind: 'fixAllRule';
  uri: string;
  rule: string;
}

const MAX_ALLOW_SUBJECT = 30;

export function workspaceEdit(document: TextDocument, edits: LspTextEdit[], support: ClientSupport): WorkspaceEdit {
  return support.documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
}

export function codeActions(params: CodeActionParams, document: TextDocument, current: LintResult | undefined, support: ClientSupport): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  // Source actions rewrite the whole file: offer them only when asked for by kind.
  const asked = (kind: string) => Boolean(only?.some((o) => kind === o || kind.startsWith(`${o}.`)));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const fixAllOffered = new Set<string>();
    const ignoreOffered = new Set<string>();
    const allowOffered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (!isOurs(diagnostic)) continue;
      const data = freshData(diagnostic, document, current);
      if (!data) continue;

      const safeFixes = data.fixes.filter((fix) => fix.kind === 'safe').length;
      data.fixes.forEach((fix) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.kind === 'safe' && safeFixes === 1,
          edit: workspaceEdit(document, fix.edits, support),
        });
      });

      if (current && !fixAllOffered.has(data.rule)) {
        fixAllOffered.add(data.rule);
        const fixable = countFixes(current.findings, data.rule, 'safe');
        const suggestions = countFixes(current.findings, data.rule, 'suggestion');
        if (suggestions > 0) {
          const args: ApplySuggestionsArgs = { uri: document.uri, rule: data.rule };
          const title = `应用本文件中所有 ${data.rule} 建议（${suggestions} 处）…`;
          actions.push({
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title, command: APPLY_SUGGESTIONS_COMMAND, arguments: [args] },
          });
        }
        if (fixable > 1) {
          const action: CodeAction = {
            title: `修复本文件中所有 ${data.rule} 问题（${fixable} 处）`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
          };
          if (support.resolveEdit) action.data = { kind: 'fixAllRule', uri: document.uri, rule: data.rule } satisfies ResolveData;
          else action.edit = fixAllRuleEdit(document, current, data.rule, support);
          actions.push(action);
        }
      }

      const line = diagnostic.range.start.line;
      if (!ignoreOffered.has(`${line}:${data.rule}`)) {
        ignoreOffered.add(`${line}:${data.rule}`);
        actions.push({
          title: `忽略此处（${data.rule}）`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(document, [ignoreEdit(document, line, data.rule)], support),
        });
      }

      const word = data.subject.trim();
      if (document.uri.startsWith('file:') && word && word.length <= MAX_ALLOW_SUBJECT && !/[\r\n]/.test(word) && !allowOffered.has(word)) {
        allowOffered.add(word);
        const args: AllowWordArgs = { uri: document.uri, word };
        actions.push({
          title: `在本项目中允许“${word}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `在本项目中允许“${word}”`, command: ALLOW_WORD_COMMAND, arguments: [args] },
        });
      }
    }
  }

  if (current && asked(FIX_ALL_KIND)) {
    const language = coreLanguage(document.languageId);
    const result = fixAllEdits(document.getText(), (text) => current.linter.lint(text, language));
    if (result.edits.length > 0) {
      actions.push({
        title: `修复本文件中所有可自动修复的问题（${result.fixed} 处）`,
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(document, toWireEdits(current.text, result.edits), support),
      });
    }
  }

  if (asked(CONVERT_KIND)) {
    const edits = toSimplifiedEdits(document.getText());
    if (edits.length > 0) {
      actions.push({
        title: `转换为简体（${edits.length} 处）`,
        kind: CONVERT_KIND,
        edit: workspaceEdit(document, edits, support),
      });
    }
  }
  return actions;
}

/** Findings of `rule` whose fix --fix would apply with only `kind` allowed. */
export function countFixes(findings: readonly Finding[], rule: string, kind: FixKind): number {
  return findings.filter((f) => f.rule === rule && autoFix(f, [kind]) !== undefined).length;
}

/** All of one rule's fixes of one kind in the document, as edits against its text. */
export function ruleFixEdits(document: TextDocument, current: LintResult, rule: string, kind: FixKind): FixAllEdits {
  const language = coreLanguage(document.languageId);
  // Only the half of the linter that holds the rule needs to run.
  const linter = current.linter.isDocumentRule(rule) ? current.linter.document : current.linter.paragraph;
  return fixAllEdits(
    document.getText(),
    (text) => linter.lint(text, language),
    (f) => f.rule === rule,
    [kind],
  );
}

export function fixAllRuleEdit(document: TextDocument, current: LintResult, rule: string, support: ClientSupport): WorkspaceEdit {
  return workspaceEdit(document, toWireEdits(current.text, ruleFixEdits(document, current, rule, 'safe').edits), support);
}

/**
 * The diagnostic's data when it belongs to this version; otherwise the same finding
 * (rule and range) in the current lint, so a fix never lands on moved text.
 */
function freshData(diagnostic: Diagnostic & { data: DiagnosticData }, document: TextDocument, current: LintResult | undefined): DiagnosticData | undefined {
  if (diagnostic.data.version === document.version) return diagnostic.data;
  if (!current || current.version !== document.version) return undefined;
  const same = (f: Finding) => {
    const start = current.text.positionAt(f.offset);
    const end = current.text.positionAt(f.offset + f.length);
    const r = diagnostic.range;
    return (
      f.rule === diagnostic.data.rule &&
      start.line === r.start.line &&
      start.character === r.start.character &&
      end.line === r.end.line &&
      end.character === r.end.character
    );
  };
  const finding = current.findings.find(same);
  return finding ? (toDiagnostic(finding, current.text, current.version).data as DiagnosticData) : undefined;
}

/** The marker and everything after it; the rule list and a closing --> are told apart in code (ignoreEdit): a regular expression doing it backtracked quadratically on a long blank tail. */
const DIRECTIVE = /^[ \t]*(?:<!--[ \t]*)?jiaodui-disable-next-line\b/;

/** Where ` RULE` joins a marker line: after its last rule, before any closing -->; undefined when it lists no rule. */
function ruleListEnd(text: string, listStart: number): number | undefined {
  let end = text.length;
  while (end > listStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (text.endsWith('-->', end)) {
    end -= 3;
    while (end > listStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  }
  return text.slice(listStart, end).trim() === '' ? undefined : end;
}

/**
 * 忽略此处: a `jiaodui-disable-next-line RULE` marker above `line`. When the nearest
 * non-blank line above already is such a marker, the rule joins it instead.
 */
export function ignoreEdit(document: TextDocument, line: number, rule: string): WireTextEdit {
  const lineText = (n: number) => document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  let above = line - 1;
  while (above >= 0 && lineText(above).trim() === '') above--;
  if (above >= 0) {
    const text = lineText(above);
    const m = DIRECTIVE.exec(text);
    const at = m ? ruleListEnd(text, m[0].length) : undefined;
    if (at !== undefined) {
      return { range: { start: { line: above, character: at }, end: { line: above, character: at } }, newText: ` ${rule}` };
    }
  }
  const indent = /^[ \t\u3000]*/.exec(lineText(line))?.[0] ?? '';
  const marker = canonicalLanguageId(document.languageId) === 'markdown' ? `<!-- jiaodui-disable-next-line ${rule} -->` : `jiaodui-disable-next-line ${rule}`;
  const full = document.getText();
  const eol = /\r\n|\n|\r/.exec(full)?.[0] ?? '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${marker}${eol}` };
}
