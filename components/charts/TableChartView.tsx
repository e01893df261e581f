'use client';

import type { ReactNode } from 'react';
import type { TableData } from '@/lib/charts/types';
import styles from './charts.module.css';
import type { RendererProps } from './renderer-props';

/** A small formatted table (a tile that shows rows rather than a drawing). */
export function TableChartView({ data, name, height }: RendererProps<TableData>): ReactNode {
  return (
    <div className={styles.table} style={{ maxHeight: height }}>
      <table aria-label={name}>
        <thead>
          <tr>
            {data.columns.map((column, index) => (
              <th key={column.name} scope="col" className={data.formats[index] ? styles.numeric : undefined}>
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, rowIndex) => (
            // Rows have no identity beyond their position in the result.
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={data.columns[index]?.name ?? index} className={data.formats[index] ? styles.numeric : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
