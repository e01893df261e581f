/** Database sessions of one cluster-day, which give queries and SET statements their pid. */

import type { Rng } from './random';
import type { Statement } from './statements';
import { MICROS_PER_HOUR } from './time';
import type { ClusterProfile, Micros } from './types';
import type { DbUser } from './users';
import { SYSTEM_USER, usersWithRole } from './users';

/** A database session: one pid, one user, one query group label. */
export interface Session {
  pid: number;
  user: DbUser;
  label: string;
  kind: 'bi' | 'etl' | 'analyst' | 'system' | 'admin';
  firstUse: Micros | null;
}

/** Session pools of the day: BI connection pools, analysts' sessions, hourly ETL sessions. */
export class Sessions {
  private readonly byKey = new Map<string, Session>();
  constructor(
    private readonly rng: Rng,
    private readonly cluster: ClusterProfile,
    private readonly users: readonly DbUser[],
  ) {}

  private make(key: string, user: DbUser, label: string, kind: Session['kind']): Session {
    let s = this.byKey.get(key);
    if (!s) {
      s = { pid: this.cluster.pidBase + this.rng.int(1, 4_000_000), user, label, kind, firstUse: null };
      this.byKey.set(key, s);
    }
    return s;
  }

  forStatement(statement: Statement, start: Micros): Session {
    const user = this.users.find((u) => u.userid === statement.userid) ?? SYSTEM_USER;
    switch (statement.workload) {
      case 'bi':
        // A BI tool keeps a small connection pool open all day.
        return this.make(`bi:${user.name}:${this.rng.int(0, 5)}`, user, statement.label, 'bi');
      case 'etl':
        return this.etl(start);
      case 'system':
        return this.system();
      case 'adhoc': {
        const kind = user.role === 'admin' ? 'admin' : 'analyst';
        const hourBlock = Math.floor(start / (4 * MICROS_PER_HOUR));
        return this.make(`adhoc:${user.name}:${hourBlock}`, user, statement.label, kind);
      }
    }
  }

  etl(start: Micros): Session {
    const user = usersWithRole(this.users, 'etl')[0] ?? SYSTEM_USER;
    return this.make(`etl:${Math.floor(start / MICROS_PER_HOUR)}`, user, 'etl', 'etl');
  }

  system(): Session {
    return this.make(`system:${this.rng.int(0, 2)}`, SYSTEM_USER, 'default', 'system');
  }

  /** A session of the named analyst, or of a random one. */
  analyst(start: Micros, name?: string): Session {
    const analysts = usersWithRole(this.users, 'analyst');
    const user = analysts.find((u) => u.name === name) ?? this.rng.pick(analysts);
    return this.make(`adhoc:${user.name}:${Math.floor(start / (4 * MICROS_PER_HOUR))}`, user, 'default', 'analyst');
  }

  admin(start: Micros): Session {
    const user = usersWithRole(this.users, 'admin')[0] ?? SYSTEM_USER;
    return this.make(`admin:${Math.floor(start / MICROS_PER_HOUR)}`, user, 'superuser', 'admin');
  }

  all(): Session[] {
    return Array.from(this.byKey.values());
  }
}
