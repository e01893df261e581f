/**
 * Stands in for Node's `crypto` in browser bundles (next.config.js): the
 * Encryption SDK only probes it inside a try, and WebCrypto does the work, so
 * this keeps crypto-browserify (~190 KB gzipped) out of the client.
 */
const empty: Record<string, never> = {};
export default empty;
