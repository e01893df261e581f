import { describe, expect, it } from 'vitest';
import { hasRole, highestRole, isRole } from './roles';

describe('roles', () => {
  it('are ordered viewer < analyst < admin', () => {
    expect(hasRole('viewer', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'analyst')).toBe(false);
    expect(hasRole('analyst', 'viewer')).toBe(true);
    expect(hasRole('analyst', 'admin')).toBe(false);
    expect(hasRole('admin', 'analyst')).toBe(true);
  });

  it('recognise only the three names, and pick the highest', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(highestRole(['viewer', 'admin', 'analyst'])).toBe('admin');
    expect(highestRole([])).toBeNull();
  });
});
