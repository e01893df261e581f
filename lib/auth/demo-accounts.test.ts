import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, demoAccountRole, demoAccountsEnabled } from './demo-accounts';

describe('demo accounts', () => {
  const cwd = '/srv/clusterscope';

  it('exist only while the source is the bundled sample', () => {
    expect(demoAccountsEnabled({}, cwd)).toBe(true);
    expect(demoAccountsEnabled({ CLUSTERSCOPE_SOURCE: 'data/sample' }, cwd)).toBe(true);
    expect(demoAccountsEnabled({ CLUSTERSCOPE_SOURCE: path.join(cwd, 'data', 'sample') }, cwd)).toBe(true);
    expect(demoAccountsEnabled({ CLUSTERSCOPE_SOURCE: '/data/exports' }, cwd)).toBe(false);
    expect(demoAccountsEnabled({ CLUSTERSCOPE_SOURCE: 's3://bucket/prefix' }, cwd)).toBe(false);
  });

  it('match name and password exactly', () => {
    for (const account of DEMO_ACCOUNTS) expect(demoAccountRole(account.name, account.password, true)).toBe(account.role);
    expect(demoAccountRole('admin', 'clusterscope-analyst', true)).toBeNull();
    expect(demoAccountRole('Admin', 'clusterscope-admin', true)).toBeNull();
    expect(demoAccountRole('admin', '', true)).toBeNull();
    expect(demoAccountRole('admin', 'clusterscope-admin', false)).toBeNull();
  });
});
