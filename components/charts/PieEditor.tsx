'use client';

import type { ReactNode } from 'react';
import { CheckOption } from './CheckOption';
import type { EditorProps } from './renderer-props';

/** Pie options: a donut (a pie with a hole). */
export function PieEditor({ config, onChange }: EditorProps): ReactNode {
  return <CheckOption label="Donut" checked={config.donut} onChange={(donut) => onChange({ ...config, donut })} />;
}
