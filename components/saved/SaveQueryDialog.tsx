'use client';

import { useState, type ReactNode } from 'react';
import { useModalDialog } from '@/components/console/useModalDialog';
import { SaveConflict, type SavedQuery, type SavedQueryInput } from '@/lib/saved-queries/api-client';

export interface SaveQueryDialogProps {
  open: boolean;
  /** Name shown first: the tab's title. */
  initialName: string;
  /** True when the tab already edits a saved query (the save updates it). */
  updating: boolean;
  onSave: (input: Omit<SavedQueryInput, 'sql' | 'parameters'>, overwrite?: number) => Promise<void>;
  onOpenTheirs: (current: SavedQuery) => void;
  onClose: () => void;
}

/** Name, description and tags for a saved query; explains a conflict without losing the user's text. */
export function SaveQueryDialog({ open, initialName, updating, onSave, onOpenTheirs, onClose }: SaveQueryDialogProps): ReactNode {
  const dialog = useModalDialog(open);
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SavedQuery | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (overwrite?: number): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const tagList = tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      await onSave({ name, description, tags: tagList }, overwrite);
      setConflict(null);
      onClose();
    } catch (failure) {
      if (failure instanceof SaveConflict) setConflict(failure.current);
      else setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} aria-labelledby="save-title" onClose={onClose} className="save-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="save-title">{updating ? 'Save changes to the saved query' : 'Save query'}</h2>
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
        </label>
        <label>
          Description
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
        </label>
        <label>
          Tags
          <input value={tags} onChange={(event) => setTags(event.target.value)} placeholder="wlm, alerts" />
        </label>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {conflict ? (
          <div role="alert" className="notice">
            <p>
              Someone saved “{conflict.name}” (version {conflict.version}, {conflict.updatedAt.slice(0, 19).replace('T', ' ')} UTC, by {conflict.createdBy})
              after you opened it. Nothing was overwritten; your SQL is still in the editor.
            </p>
            <button type="button" onClick={() => void save(conflict.version)} disabled={busy}>
              Overwrite with mine
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                onOpenTheirs(conflict);
                setConflict(null);
                onClose();
              }}
            >
              Open theirs in a new tab
            </button>
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
