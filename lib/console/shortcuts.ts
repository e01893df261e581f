/** The console's keyboard shortcuts; the editor's keymap and the help panel both read this list. */

export interface Shortcut {
  /** CodeMirror key name. */
  key: string;
  /** How the help panel shows it. */
  keys: string;
  action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'Mod-Enter', keys: 'Ctrl/Cmd+Enter', action: 'Run the selection, or the statement under the cursor' },
  { key: 'Shift-Mod-Enter', keys: 'Ctrl/Cmd+Shift+Enter', action: 'Run the whole script, statement by statement' },
  { key: 'Shift-Alt-f', keys: 'Shift+Alt+F', action: 'Format the SQL' },
  { key: 'Alt-n', keys: 'Alt+N', action: 'New query tab' },
  { key: 'Mod-/', keys: 'Ctrl/Cmd+/', action: 'Comment or uncomment the line' },
  { key: 'Mod-Space', keys: 'Ctrl+Space', action: 'Complete table, column and function names' },
];

/** Keys outside the editor (WAI-ARIA tab list and menu button patterns), for the help panel only. */
export const NAVIGATION_KEYS: readonly Omit<Shortcut, 'key'>[] = [
  { keys: '← / →, Home / End', action: 'Query tabs: the previous or next tab (the first or last)' },
  { keys: 'Enter, Space or ↓ (↑)', action: 'A dashboard tile’s ⋯ menu: open it on its first (last) item' },
  { keys: '↑ / ↓, Home / End', action: 'Menus (tile menu, cell menu): move between the items' },
  { keys: 'Escape', action: 'Menus: close, and go back to the ⋯ button' },
];

/** The key of a shortcut by its action's first word, for the keymap. */
export function shortcutKey(action: 'run' | 'script' | 'format' | 'new-tab'): string {
  const index = { run: 0, script: 1, format: 2, 'new-tab': 3 }[action];
  return SHORTCUTS[index]?.key ?? '';
}
