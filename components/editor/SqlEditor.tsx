'use client';

import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { Prec } from '@codemirror/state';
import { EditorView, keymap, type ViewUpdate } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, type ReactNode } from 'react';
import { shortcutKey } from '@/lib/console/shortcuts';

/** The editor's text and selection when a command fires. */
export interface EditorSnapshot {
  doc: string;
  from: number;
  to: number;
}

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Keep these stable: they are part of the keymap. */
  onRun: (snapshot: EditorSnapshot) => void;
  onRunScript: (snapshot: EditorSnapshot) => void;
  onFormat: (snapshot: EditorSnapshot) => void;
  onNewTab: () => void;
  onSelection: (snapshot: EditorSnapshot) => void;
  /** Table name to column names, for completion. */
  schema?: Record<string, string[]>;
}

function snapshot(view: EditorView): EditorSnapshot {
  const range = view.state.selection.main;
  return { doc: view.state.doc.toString(), from: range.from, to: range.to };
}

/** CodeMirror 6 with SQL highlighting, schema completion and the console's shortcuts. */
export function SqlEditor({ value, onChange, onRun, onRunScript, onFormat, onNewTab, onSelection, schema }: SqlEditorProps): ReactNode {
  const extensions = useMemo(() => {
    const command = (handler: (state: EditorSnapshot) => void) => (view: EditorView) => {
      handler(snapshot(view));
      return true;
    };
    return [
      sql({ dialect: PostgreSQL, schema: (schema ?? {}) as SQLNamespace, upperCaseKeywords: true }),
      Prec.highest(
        keymap.of([
          { key: shortcutKey('run'), run: command(onRun) },
          { key: shortcutKey('script'), run: command(onRunScript) },
          { key: shortcutKey('format'), run: command(onFormat) },
          {
            key: shortcutKey('new-tab'),
            run: () => {
              onNewTab();
              return true;
            },
          },
        ]),
      ),
      EditorView.contentAttributes.of({ 'aria-label': 'SQL editor' }),
      EditorView.lineWrapping,
      EditorView.updateListener.of((update: ViewUpdate) => {
        if (update.selectionSet || update.docChanged) onSelection(snapshot(update.view));
      }),
    ];
  }, [schema, onRun, onRunScript, onFormat, onNewTab, onSelection]);

  return (
    <div className="editor">
      <CodeMirror value={value} onChange={onChange} extensions={extensions} height="100%" basicSetup={{ foldGutter: false }} />
    </div>
  );
}
