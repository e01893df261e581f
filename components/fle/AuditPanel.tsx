'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AuditRecord } from '@/lib/audit/types';
import { fetchAudit } from '@/lib/fle/api-client';

/** The newest audit records, with a CSV export of the log. Admins only (the server enforces it). */
export function AuditPanel(): ReactNode {
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    fetchAudit().then(
      (list) => (setRecords(list), setError(null)),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <section aria-label="Audit log" className="fle-audit">
      <h3>Audit log</h3>
      <p>
        <button type="button" onClick={refresh}>
          Refresh
        </button>{' '}
        <a href="/api/audit?format=csv" download>
          Export audit log (CSV)
        </a>
      </p>
      {error ? <p role="alert">The audit log could not be read: {error}</p> : null}
      {records && records.length === 0 ? <p className="muted">No records yet.</p> : null}
      {records && records.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Time</th>
              <th>User</th>
              <th>Action</th>
              <th>Phase</th>
              <th>Place</th>
              <th>Rows</th>
              <th>Decrypted</th>
              <th>Failed</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.seq}>
                <td>{record.at}</td>
                <td title={record.actor}>{record.actorName ?? record.actor}</td>
                <td>{record.action}</td>
                <td>{record.phase}</td>
                <td>{[record.source, record.table, record.column].filter(Boolean).join(' · ')}</td>
                <td>{record.rowCount ?? ''}</td>
                <td>{record.succeeded ?? ''}</td>
                <td>{record.failed ?? ''}</td>
                <td>{record.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
