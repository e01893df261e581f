import type { AttackGroup } from '../types';
import { group as cookies } from './cookies';
import { group as csp } from './csp';
import { group as exportsGroup } from './exports';
import { group as ownership } from './ownership';

/** Every attack group; the runner (`e2e/security/run.ts`) runs them in this order. */
export const groups: AttackGroup[] = [cookies, exportsGroup, ownership, csp];
