/** Every attack group of `npm run test:security`, in the order they run. */
import type { AttackGroup } from '../types';
import { group as bodies } from './bodies';
import { group as bruteForce } from './brute-force';
import { group as cookies } from './cookies';
import { group as csp } from './csp';
import { group as csrf } from './csrf';
import { group as exportsGroup } from './exports';
import { group as links } from './links';
import { group as ownership } from './ownership';
import { group as redirects } from './redirects';
import { group as roleMatrix } from './role-matrix';
import { group as sessions } from './sessions';
import { group as traversal } from './traversal';

export const groups: AttackGroup[] = [roleMatrix, redirects, sessions, cookies, csrf, traversal, links, exportsGroup, ownership, csp, bodies, bruteForce];
