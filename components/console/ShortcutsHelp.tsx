'use client';

import type { ReactNode } from 'react';
import { SHORTCUTS } from '@/lib/console/shortcuts';
import { useModalDialog } from './useModalDialog';

export interface ShortcutsHelpProps {
  open: boolean;
  onClose: () => void;
}

/** The keyboard shortcuts, in a modal dialog. */
export function ShortcutsHelp({ open, onClose }: ShortcutsHelpProps): ReactNode {
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={onClose} className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
