/**
 * The one way in to zod. On its first object schema, zod 4 probes `new Function("")`
 * to decide whether to compile fast parsers; under the app's CSP (no 'unsafe-eval')
 * the probe is blocked and reported as a violation, although zod swallows the
 * error. Jitless mode skips the probe. Importing zod through this module sets the
 * mode before the importer's schemas exist.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
