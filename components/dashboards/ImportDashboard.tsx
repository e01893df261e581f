'use client';

import { useState, type ReactNode } from 'react';
import { createDashboard } from '@/lib/dashboards/api-client';
import { MAX_DASHBOARD_FILE_BYTES, parseDashboardFile } from '@/lib/dashboards/transfer';
import styles from './dashboards.module.css';

/** Reads a dashboard file the user picks, checks it, and stores it as a new dashboard. */
export function ImportDashboard({ onImported }: { onImported: () => void }): ReactNode {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const importFile = async (file: File): Promise<void> => {
    // Checked before reading, so a huge file is never loaded into memory.
    const parsed = file.size > MAX_DASHBOARD_FILE_BYTES ? parseDashboardFile('', file.size) : parseDashboardFile(await file.text(), file.size);
    if (!parsed.ok) {
      setMessage({ ok: false, text: `Not imported: ${parsed.message}` });
      return;
    }
    try {
      const created = await createDashboard(parsed.dashboard);
      setMessage({ ok: true, text: `Imported "${created.name}" with ${created.tiles.length} tiles.` });
      onImported();
    } catch (error) {
      setMessage({ ok: false, text: `Not imported: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <>
      <label>
        Import dashboard JSON{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? styles.notice : styles.error}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
