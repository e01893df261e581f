import path from 'node:path';

/** Where the setup project keeps the signed-in admin's cookies (under the ignored test-results). */
export const ADMIN_STATE = path.join(__dirname, '..', '..', 'test-results', '.auth', 'admin.json');
