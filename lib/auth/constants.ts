/** Names shared by the server and the browser side of sign-in. No Node imports. */

/** HttpOnly cookie holding the random session token. */
export const SESSION_COOKIE = 'cs_session';
/**
 * Prefix of the session, CSRF and single sign-on cookies where the site is served
 * over HTTPS: the browser then keeps them only when Secure, `Path=/` and without
 * `Domain`, so no other host can plant or overwrite them.
 */
export const HOST_COOKIE_PREFIX = '__Host-';
/** Readable cookie holding the session's CSRF token, which browser code echoes in {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'cs_csrf';
/** Request header that must carry the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';
/** Form field that carries the CSRF token when a plain HTML form posts. */
export const CSRF_FIELD = 'csrf';
/** The sign-in page. */
export const SIGN_IN_PATH = '/signin';
