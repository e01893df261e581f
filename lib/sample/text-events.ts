/** The day's DDL and utility statements: audit-trail events in stl_ddltext and stl_utilitytext. */

import type { AdminStatement } from './admin-statements';
import { RESTART_TEXT } from './admin-statements';
import type { ClusterContext } from './context';
import type { DailyVolume } from './load';
import { dayStartMicros, drawStart, utcHourWeights } from './load';
import type { Rng } from './random';
import type { Session, Sessions } from './sessions';
import { resolveDayTokens } from './text';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time';
import type { Micros } from './types';

/** A DDL or utility statement as logged, with its transaction. */
export interface TextEvent {
  table: 'stl_ddltext' | 'stl_utilitytext';
  text: string;
  userid: number;
  label: string;
  pid: number;
  xid: number;
  start: Micros;
  end: Micros;
}

/** A DDL or utility statement before its transaction id is known. */
export interface DraftText {
  table: TextEvent['table'];
  text: string;
  start: Micros;
  durationMicros: number;
  session: Session;
}

function pickWeighted(rng: Rng, items: readonly AdminStatement[]): AdminStatement | null {
  if (items.length === 0) return null;
  return items[rng.weightedIndex(items.map((s) => s.weight))] ?? null;
}

/** DDL, grants/user management and restarts of the day. */
export function draftTexts(ctx: ClusterContext, day: string, volume: DailyVolume, rng: Rng, sessions: Sessions, restart: boolean): DraftText[] {
  const start0 = dayStartMicros(day);
  const out: DraftText[] = [];
  const office = utcHourWeights(ctx.cluster, 'office');
  const etl = utcHourWeights(ctx.cluster, 'etl');
  for (let i = 0; i < volume.ddl; i++) {
    const st = pickWeighted(rng, ctx.admin.ddl);
    if (!st) break;
    const load = st.issuer === 'etl' ? 'etl' : 'office';
    const start = drawStart(rng, start0, load === 'etl' ? etl : office, load);
    const session = st.issuer === 'etl' ? sessions.etl(start) : st.issuer === 'admin' ? sessions.admin(start) : sessions.analyst(start, st.owner);
    out.push({ table: 'stl_ddltext', text: resolveDayTokens(st.text, day), start, durationMicros: Math.round(rng.lognormal(80_000, 1.2)), session });
  }
  for (let i = 0; i < volume.grants; i++) {
    const st = pickWeighted(rng, ctx.admin.grants);
    if (!st) break;
    const start = drawStart(rng, start0, office, 'office');
    out.push({ table: 'stl_utilitytext', text: st.text, start, durationMicros: Math.round(rng.lognormal(15_000, 0.8)), session: sessions.admin(start) });
  }
  if (restart) {
    const start = start0 + rng.int(0, 23) * MICROS_PER_HOUR + rng.int(0, 59) * MICROS_PER_MINUTE;
    out.push({ table: 'stl_utilitytext', text: RESTART_TEXT, start, durationMicros: rng.int(2_000, 40_000), session: sessions.system() });
  }
  return out;
}

/** SET statements each session sends before its first query. */
export function sessionSets(ctx: ClusterContext, rng: Rng, sessions: readonly Session[]): DraftText[] {
  const out: DraftText[] = [];
  for (const s of sessions) {
    if (s.firstUse === null || s.kind === 'system') continue;
    const sets = s.kind === 'bi' ? ctx.admin.sessionSets.bi : s.kind === 'etl' ? ctx.admin.sessionSets.etl : ctx.admin.sessionSets.analyst;
    let t = s.firstUse - rng.int(200_000, 3 * MICROS_PER_SECOND);
    for (const text of sets.slice(0, rng.int(1, sets.length))) {
      out.push({
        table: 'stl_utilitytext',
        text: s.kind === 'admin' ? "SET query_group TO 'superuser'" : text,
        start: t,
        durationMicros: rng.int(300, 4_000),
        session: s,
      });
      t += rng.int(1_000, 40_000);
      if (s.kind === 'admin') break;
    }
  }
  return out;
}
