/**
 * Open documents with incremental sync. Like vscode-languageserver's TextDocuments,
 * but it also reports each change as an offset range of the text before it, which
 * the live linter needs to carry document-wide findings across a keystroke.
 */
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLanguageId } from './settings';
import { arrayOf, guardNotification, isDocumentId, isInteger, isRange, isString, object, optional, type GuardLog } from './guard';

/** What the server accepts as each sync notification; anything else is logged and dropped. */
const DID_OPEN = object({ textDocument: object({ uri: isString, languageId: isString, version: isInteger, text: isString }) });
const DID_CHANGE = object({
  textDocument: object({ uri: isString, version: optional(isInteger) }),
  contentChanges: arrayOf(object({ text: isString, range: optional(isRange) })),
});
const DID_CLOSE = object({ textDocument: isDocumentId });

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

  listen(connection: Connection, events: DocumentEvents, log: GuardLog): void {
    connection.onDidOpenTextDocument(
      guardNotification(log, 'textDocument/didOpen', DID_OPEN, ({ textDocument: t }) => {
        const document = TextDocument.create(t.uri, documentLanguageId(t.languageId, t.uri), t.version, t.text);
        this.documents.set(t.uri, document);
        events.opened(document);
      }),
    );
    connection.onDidChangeTextDocument(
      guardNotification(log, 'textDocument/didChange', DID_CHANGE, ({ textDocument, contentChanges }) => {
        const document = this.documents.get(textDocument.uri);
        if (!document || typeof textDocument.version !== 'number' || contentChanges.length === 0) return;
        const { changes, updated } = applyChanges(document, contentChanges, textDocument.version);
        this.documents.set(textDocument.uri, updated);
        events.changed(updated, changes);
      }),
    );
    connection.onDidCloseTextDocument(
      guardNotification(log, 'textDocument/didClose', DID_CLOSE, ({ textDocument }) => {
        if (this.documents.delete(textDocument.uri)) events.closed(textDocument.uri);
      }),
    );
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
