import { describe, expect, it } from 'vitest';
import type { Dashboard } from './schema';
import { exportDashboardFile, exportFileName, MAX_DASHBOARD_FILE_BYTES, parseDashboardFile } from './transfer';

const dashboard: Dashboard = {
  id: 'd1',
  name: 'Fleet: mine',
  description: 'd',
  filters: { defaultDays: 7, parameters: [{ name: 'limit', type: 'number', default: 10 }] },
  tiles: [{ id: 't', title: 'T', layout: { x: 0, y: 0, w: 4, h: 4 }, source: { kind: 'saved', savedQueryId: 'q1', sql: 'select 1' }, chart: null }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'anonymous',
  version: 3,
  owner: 'alice',
  shipped: false,
};

function file(dashboardValue: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'clusterscope-dashboard', schemaVersion: 1, dashboard: dashboardValue, ...extra });
}

describe('dashboard files', () => {
  it('round-trips the editable fields and names the file after the dashboard', () => {
    const content = { name: dashboard.name, description: dashboard.description, filters: dashboard.filters, tiles: dashboard.tiles };
    expect(parseDashboardFile(exportDashboardFile(dashboard))).toEqual({ ok: true, dashboard: content });
    expect(exportFileName(dashboard)).toBe('fleet-mine.dashboard.json');
  });

  it('rejects what is not JSON, not ours, a wrong schema version, too big or too deep, each with a message', () => {
    expect(parseDashboardFile('{"format":')).toEqual({ ok: false, message: expect.stringMatching(/^The file is not valid JSON: /) });
    expect(parseDashboardFile('{"format":"grafana","schemaVersion":1}')).toEqual({
      ok: false,
      message: expect.stringContaining('this is not a ClusterScope dashboard file'),
    });
    expect(parseDashboardFile(file({ name: 'x' }, { schemaVersion: 2 }))).toEqual({
      ok: false,
      message: 'The file has dashboard schema version 2; this ClusterScope reads version 1.',
    });
    expect(parseDashboardFile('{}', MAX_DASHBOARD_FILE_BYTES + 1)).toEqual({ ok: false, message: expect.stringMatching(/dashboard files are at most 1 MB/) });
    expect(parseDashboardFile(`${'['.repeat(100)}${']'.repeat(100)}`)).toEqual({ ok: false, message: expect.stringMatching(/nested deeper than 32 levels/) });
  });

  it('names every invalid field of a hostile dashboard', () => {
    const result = parseDashboardFile(
      file({
        name: '',
        tiles: [{ id: '../x', title: 't', layout: { x: 0, y: 0, w: 1, h: 1 }, source: { kind: 'shell', sql: 'rm' } }],
        __proto__: { admin: true },
      }),
    );
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('dashboard.name: must not be empty');
    expect(message).toContain('dashboard.tiles.0.id: must be letters, digits, - or _');
    expect(message).toContain('dashboard.tiles.0.source');
  });
});
