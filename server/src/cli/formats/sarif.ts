/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Rules come from
 * the registry (with a link to their docs); regions are 1-based with columns in
 * UTF-16 code units (run.columnKind says so); fixes become SARIF fixes with one
 * replacement per edit. Inputs that failed become tool execution notifications.
 */
import { pathToFileURL } from 'node:url';
import { RULES, type Severity } from '../../core';
import { packageInfo, ruleDocsUrl } from '../../node/package-info';
import type { InputProblem } from '../../node/files';
import type { CliPosition, FileResult } from '../report';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function uriOf(display: string): string {
  return display.split('/').map(encodeURIComponent).join('/');
}

function region(start: CliPosition, end: CliPosition) {
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function formatSarif(results: readonly FileResult[], cwd: string, problems: readonly InputProblem[] = []): string {
  const info = packageInfo();
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const rules = RULES.map((rule) => ({
    id: rule.meta.id,
    shortDescription: { text: rule.meta.docs.summary },
    fullDescription: { text: rule.meta.docs.gloss },
    help: { text: rule.meta.docs.why || rule.meta.docs.gloss },
    helpUri: ruleDocsUrl(rule.meta.id),
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { category: rule.meta.category, fixable: rule.meta.fixable },
  }));

  const sarifResults = [];
  const notifications: Array<{ level: 'error'; message: { text: string }; locations?: unknown[] }> = problems.map((p) => ({
    level: 'error' as const,
    message: { text: p.path ? `${p.path}: ${p.reason}` : p.reason },
    ...(p.path ? { locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(p.path), uriBaseId: SRCROOT } } }] } : {}),
  }));
  for (const file of results) {
    const artifactLocation = { uri: uriOf(file.path), uriBaseId: SRCROOT };
    if (file.error !== undefined) {
      notifications.push({
        level: 'error' as const,
        message: { text: `${file.path}: ${file.error}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      continue;
    }
    for (const d of file.diagnostics) {
      const index = ruleIndex.get(d.rule);
      sarifResults.push({
        ruleId: d.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d.range.start, d.range.end) } }],
        ...(d.fixes.length === 0
          ? {}
          : {
              fixes: d.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: fix.edits.map((e) => ({
                      deletedRegion: region(e.range!.start, e.range!.end),
                      insertedContent: { text: e.newText },
                    })),
                  },
                ],
              })),
            }),
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jiaodui',
            version: info.version,
            semanticVersion: info.version,
            ...(info.repositoryUrl ? { informationUri: info.repositoryUrl } : {}),
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/$/, '')}/` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
