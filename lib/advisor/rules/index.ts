import type { AdvisorRule } from '../types';
import { abortedSpike } from './aborted-spike';
import { ghostRows } from './ghost-rows';
import { missingStatistics } from './missing-statistics';
import { nestedLoop } from './nested-loop';
import { redistribution } from './redistribution';
import { regression } from './regression';
import { restart } from './restart';
import { sortKey } from './sort-key';
import { wlmQueue } from './wlm-queue';

/** Every rule the Advisor runs, one per kind. */
export const ADVISOR_RULES: readonly AdvisorRule[] = [
  missingStatistics,
  ghostRows,
  sortKey,
  redistribution,
  nestedLoop,
  wlmQueue,
  regression,
  abortedSpike,
  restart,
];
