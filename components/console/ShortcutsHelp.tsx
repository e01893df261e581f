'use client';

import type { ReactNode } from 'react';
import { NAVIGATION_KEYS, SHORTCUTS, type Shortcut } from '@/lib/console/shortcuts';
import { useModalDialog } from './useModalDialog';

export interface ShortcutsHelpProps {
  open: boolean;
  onClose: () => void;
}

function KeyTable({ keys }: { keys: readonly Omit<Shortcut, 'key'>[] }): ReactNode {
  return (
    <table>
      <tbody>
        {keys.map((shortcut) => (
          <tr key={shortcut.action}>
            <td>
              <kbd>{shortcut.keys}</kbd>
            </td>
            <td>{shortcut.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The keyboard shortcuts, in a modal dialog. */
export function ShortcutsHelp({ open, onClose }: ShortcutsHelpProps): ReactNode {
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={onClose} className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <h3>In the editor</h3>
      <KeyTable keys={SHORTCUTS} />
      <h3>Tabs and menus</h3>
      <KeyTable keys={NAVIGATION_KEYS} />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
