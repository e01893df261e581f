'use client';

import { PostgreSQL } from '@codemirror/lang-sql';
import { Prec } from '@codemirror/state';
import { EditorView, keymap, type ViewUpdate } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { completionSchema, sqlLanguage } from '@/lib/console/completion';
import { shortcutKey } from '@/lib/console/shortcuts';
import type { EngineTable } from '@/lib/engine/table-views';
import { editorTheme } from './editor-theme';

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
  /** The engine's tables, for completion. */
  tables?: readonly EngineTable[];
}

function snapshot(view: EditorView): EditorSnapshot {
  const range = view.state.selection.main;
  return { doc: view.state.doc.toString(), from: range.from, to: range.to };
}

/** CodeMirror 6 with SQL highlighting, schema completion and the console's shortcuts. */
export function SqlEditor({ value, onChange, onRun, onRunScript, onFormat, onNewTab, onSelection, tables }: SqlEditorProps): ReactNode {
  const schema = useMemo(() => completionSchema(tables ?? []), [tables]);
  const { nonce } = useSession();
  const extensions = useMemo(() => {
    const command = (handler: (state: EditorSnapshot) => void) => (view: EditorView) => {
      handler(snapshot(view));
      return true;
    };
    return [
      sqlLanguage(PostgreSQL, schema),
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
      // CodeMirror injects its styles at run time; the CSP admits them only with this response's nonce.
      EditorView.cspNonce.of(nonce),
      EditorView.updateListener.of((update: ViewUpdate) => {
        if (update.selectionSet || update.docChanged) onSelection(snapshot(update.view));
      }),
    ];
  }, [schema, nonce, onRun, onRunScript, onFormat, onNewTab, onSelection]);

  return (
    <div className="editor">
      <CodeMirror value={value} onChange={onChange} extensions={extensions} theme={editorTheme} height="100%" basicSetup={{ foldGutter: false }} />
    </div>
  );
}
