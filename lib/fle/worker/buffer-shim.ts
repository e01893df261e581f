/**
 * The SDK's ECDSA code refers to a global `Buffer` when it checks signed
 * messages (suite 0x0378); a worker has none. esbuild injects this module
 * wherever the bundle uses the free name `Buffer`.
 */
export { Buffer } from 'buffer';
