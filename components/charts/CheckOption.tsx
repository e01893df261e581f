'use client';

import type { ReactNode } from 'react';
import styles from './charts.module.css';

export interface CheckOptionProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One labelled on/off chart option. */
export function CheckOption({ label, checked, onChange }: CheckOptionProps): ReactNode {
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
