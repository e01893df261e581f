'use client';

import type { ReactNode } from 'react';
import { isNumericColumn } from '@/lib/charts/columns';
import type { ResultColumn } from '@/lib/engine/result-set';

export interface MeasureSelectProps {
  value: readonly string[];
  columns: readonly ResultColumn[];
  /** When rows are counted, any column can be a measure. */
  anyColumn: boolean;
  onChange: (measures: string[]) => void;
}

/** A labelled multiple choice of the measure columns; configured measures the result lacks stay listed, marked missing. */
export function MeasureSelect({ value, columns, anyColumn, onChange }: MeasureSelectProps): ReactNode {
  const choices = columns.filter((column) => anyColumn || isNumericColumn(column)).map((column) => column.name);
  const missing = value.filter((name) => !columns.some((column) => column.name === name));
  return (
    <label>
      Measures
      <select multiple value={[...value]} onChange={(event) => onChange(Array.from(event.target.selectedOptions, (option) => option.value))}>
        {missing.map((name) => (
          <option key={`missing:${name}`} value={name}>
            {name} (missing)
          </option>
        ))}
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
