import { ADVISOR_RULES } from '@/lib/advisor/rules';
import type { FindingKind } from '@/lib/advisor/types';

/** Each kind's title, as its rule names it. */
export const KIND_TITLES = Object.fromEntries(ADVISOR_RULES.map((rule) => [rule.kind, rule.title])) as Record<FindingKind, string>;
