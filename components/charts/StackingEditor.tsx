'use client';

import type { ReactNode } from 'react';
import { CheckOption } from './CheckOption';
import type { EditorProps } from './renderer-props';

/** Bar and area options: stacked or side by side; bars also horizontal. */
export function StackingEditor({ config, onChange }: EditorProps): ReactNode {
  return (
    <>
      <CheckOption label="Stacked" checked={config.stacked} onChange={(stacked) => onChange({ ...config, stacked })} />
      {config.type === 'bar' ? (
        <CheckOption label="Horizontal" checked={config.horizontal} onChange={(horizontal) => onChange({ ...config, horizontal })} />
      ) : null}
    </>
  );
}
