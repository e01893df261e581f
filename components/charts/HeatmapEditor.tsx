'use client';

import type { ReactNode } from 'react';
import { ColumnSelect } from './ColumnSelect';
import type { EditorProps } from './renderer-props';

/** Heatmap options: the column down the side (X runs along the bottom). */
export function HeatmapEditor({ config, columns, onChange }: EditorProps): ReactNode {
  return <ColumnSelect label="Y" value={config.y} columns={columns} onChange={(y) => onChange({ ...config, y })} />;
}
