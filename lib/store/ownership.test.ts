import { describe, expect, it } from 'vitest';
import { mayWrite, ownerLabel, writeVerdict, type Editor } from './ownership';

const alice: Editor = { id: 'alice', name: 'alice', role: 'analyst' };
const bob: Editor = { id: 'bob', name: 'bob', role: 'analyst' };
const admin: Editor = { id: 'root', name: 'root', role: 'admin' };
const viewer: Editor = { id: 'alice', name: 'alice', role: 'viewer' };

describe('writeVerdict', () => {
  it('lets the owner and admins write, and no other analyst', () => {
    expect(writeVerdict({ owner: 'alice' }, alice, 'saved query')).toEqual({ allowed: true });
    expect(writeVerdict({ owner: 'alice' }, admin, 'saved query')).toEqual({ allowed: true });
    expect(writeVerdict({ owner: 'alice' }, bob, 'saved query')).toEqual({
      allowed: false,
      reason: 'this saved query belongs to alice: only its owner or an admin may change or delete it',
    });
  });

  it('leaves records without an owner (legacy) to admins', () => {
    expect(writeVerdict({ owner: null }, admin, 'dashboard').allowed).toBe(true);
    expect(writeVerdict({ owner: null }, alice, 'dashboard')).toMatchObject({ allowed: false, reason: expect.stringMatching(/only an admin/) });
  });

  it('keeps shipped dashboards read-only for everyone, admins included', () => {
    for (const editor of [alice, admin])
      expect(writeVerdict({ owner: null, shipped: true }, editor, 'dashboard')).toMatchObject({
        allowed: false,
        reason: expect.stringMatching(/read-only: duplicate it/),
      });
  });

  it('refuses a viewer even on a record carrying their name', () => {
    expect(writeVerdict({ owner: 'alice' }, viewer, 'dashboard')).toMatchObject({ allowed: false, reason: expect.stringMatching(/analyst role/) });
  });

  it('tells the UI when to show edit and delete', () => {
    expect(mayWrite({ owner: 'alice' }, alice)).toBe(true);
    expect(mayWrite({ owner: 'alice' }, bob)).toBe(false);
    expect(mayWrite({ owner: 'alice' }, null)).toBe(false);
  });

  it('names the owner for lists', () => {
    expect(ownerLabel({ owner: 'alice' })).toBe('alice');
    expect(ownerLabel({ owner: null })).toBe('no owner (admins only)');
    expect(ownerLabel({ owner: null, shipped: true })).toBe('ClusterScope (read-only)');
  });
});
