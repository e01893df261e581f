'use client';

import type { ReactNode } from 'react';
import type { ResultColumn } from '@/lib/engine/result-set';

export interface ColumnSelectProps {
  label: string;
  value: string | undefined;
  columns: readonly ResultColumn[];
  onChange: (value: string | undefined) => void;
  /** The text of the "no column" choice; without it a column must be picked. */
  none?: string;
}

/** A labelled choice of one result column. A configured column the result lacks stays listed, marked missing. */
export function ColumnSelect({ label, value, columns, onChange, none }: ColumnSelectProps): ReactNode {
  const missing = value !== undefined && !columns.some((column) => column.name === value);
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}>
        {none !== undefined || value === undefined ? <option value="">{none ?? 'Pick a column'}</option> : null}
        {missing ? <option value={value}>{value} (missing)</option> : null}
        {columns.map((column) => (
          <option key={column.name} value={column.name}>
            {column.name}
          </option>
        ))}
      </select>
    </label>
  );
}
