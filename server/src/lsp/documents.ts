/**
 * Open documents with incremental sync. Like vscode-languageserver's TextDocuments,
 * but it also reports each change as an offset range of the text before it, which
 * the live linter needs to carry document-wide findings across a keystroke.
 */
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** One applied change: [start, end) of the previous text replaced by `length` characters. */
export interface OffsetChange {
  start: number;
  end: number;
  length: number;
}

export interface DocumentEvents {
  opened(document: TextDocument): void;
  /** `changes` is null when the whole text was replaced. */
  changed(document: TextDocument, changes: OffsetChange[] | null): void;
  closed(uri: string): void;
}

export class Documents {
  private readonly documents = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  listen(connection: Connection, events: DocumentEvents): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      const document = TextDocument.create(t.uri, t.languageId, t.version, t.text);
      this.documents.set(t.uri, document);
      events.opened(document);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document || textDocument.version === null || contentChanges.length === 0) return;
      const { changes, updated } = applyChanges(document, contentChanges, textDocument.version);
      this.documents.set(textDocument.uri, updated);
      events.changed(updated, changes);
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      if (this.documents.delete(textDocument.uri)) events.closed(textDocument.uri);
    });
  }
}

/** Applies changes one by one (each is relative to the text the previous one left), recording offsets. */
export function applyChanges(
  document: TextDocument,
  contentChanges: TextDocumentContentChangeEvent[],
  version: number,
): { updated: TextDocument; changes: OffsetChange[] | null } {
  let changes: OffsetChange[] | null = [];
  let current = document;
  for (const change of contentChanges) {
    if ('range' in change && change.range) {
      const start = current.offsetAt(change.range.start);
      const end = current.offsetAt(change.range.end);
      changes?.push({ start, end, length: change.text.length });
    } else {
      changes = null;
    }
    current = TextDocument.update(current, [change], version);
  }
  return { updated: current, changes };
}
