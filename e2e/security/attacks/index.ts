/** Every attack group of `npm run test:security`, in the order they run. */
import type { AttackGroup } from '../types';
import { group as bodies } from './bodies';
import { group as bruteForce } from './brute-force';
import { group as csrf } from './csrf';
import { group as links } from './links';
import { group as redirects } from './redirects';
import { group as roleMatrix } from './role-matrix';
import { group as sessions } from './sessions';
import { group as traversal } from './traversal';

export const groups: AttackGroup[] = [roleMatrix, redirects, sessions, csrf, traversal, links, bodies, bruteForce];
