'use client';

import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, type ReactNode } from 'react';

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Runs the editor's current text; keep it stable (it is part of the keymap). */
  onRun: (sql: string) => void;
  /** Table name to column names, for completion. */
  schema?: Record<string, string[]>;
}

/** CodeMirror 6 with SQL highlighting; Ctrl/Cmd+Enter runs. */
export function SqlEditor({ value, onChange, onRun, schema }: SqlEditorProps): ReactNode {
  const extensions = useMemo(
    () => [
      sql({ dialect: PostgreSQL, schema: (schema ?? {}) as SQLNamespace, upperCaseKeywords: true }),
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-Enter',
            run: (view) => {
              onRun(view.state.doc.toString());
              return true;
            },
          },
        ]),
      ),
      EditorView.contentAttributes.of({ 'aria-label': 'SQL editor' }),
      EditorView.lineWrapping,
    ],
    [schema, onRun],
  );

  return (
    <div className="editor">
      <CodeMirror value={value} onChange={onChange} extensions={extensions} height="100%" basicSetup={{ foldGutter: false }} />
    </div>
  );
}
