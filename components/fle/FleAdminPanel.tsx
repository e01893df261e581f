'use client';

import type { ReactNode } from 'react';
import { AuditPanel } from './AuditPanel';
import { FleProfilesPanel } from './FleProfilesPanel';
import { KeyPanel } from './KeyPanel';
import { useFle } from './useFle';

/** The console's entry point to field-level encryption: key, profiles and audit log (admins only). */
export function FleAdminPanel(): ReactNode {
  const fle = useFle();
  if (!fle?.canDecrypt) return null;
  return (
    <div className="fle-admin" role="region" aria-label="Field-level encryption">
      <KeyPanel />
      <FleProfilesPanel />
      <AuditPanel />
    </div>
  );
}
