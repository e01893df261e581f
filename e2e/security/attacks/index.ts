import type { AttackGroup } from '../types';
import { group as cookies } from './cookies';

export const groups: AttackGroup[] = [cookies];
