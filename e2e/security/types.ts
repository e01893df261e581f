export type Role = 'viewer' | 'analyst' | 'admin';
export interface Session {
  cookie: string;
  csrf: string;
} // a Cookie header value and the CSRF token for unsafe requests
export interface AttackContext {
  baseUrl: string; // the production build serving the bundled sample (data/sample)
  session(role: Role): Promise<Session>; // a fresh signed-in session of a local account with that role
  dbPath: string; // the SQLite metadata store that server uses
}
export interface AttackOutcome {
  attack: string;
  expected: string;
  received: string;
  passed: boolean;
  badInputs: number;
}
export interface AttackGroup {
  name: string;
  run(ctx: AttackContext): Promise<AttackOutcome[]>;
}
