/**
 * Recognises what PEM text a user handed in, so each wrong kind of key gets
 * its own message before WebCrypto sees it. Only the armour is read here; the
 * DER inside is parsed by WebCrypto.
 */
import { base64Problem, decodeBase64 } from './base64';

/** What kind of PEM block the text holds. */
export type PemKind = 'pkcs8' | 'pkcs8-encrypted' | 'pkcs1' | 'pkcs1-encrypted' | 'public' | 'certificate' | 'openssh' | 'other-private' | 'none';

/** A PEM block: its kind and DER bytes (empty unless the body was base64). */
export interface PemBlock {
  kind: PemKind;
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

function kindOf(label: string, headers: string): PemKind {
  if (label === 'PRIVATE KEY') return 'pkcs8';
  if (label === 'ENCRYPTED PRIVATE KEY') return 'pkcs8-encrypted';
  if (label === 'RSA PRIVATE KEY') return /Proc-Type:\s*4,ENCRYPTED/i.test(headers) ? 'pkcs1-encrypted' : 'pkcs1';
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') return 'public';
  if (label === 'CERTIFICATE') return 'certificate';
  if (label === 'OPENSSH PRIVATE KEY') return 'openssh';
  if (label.endsWith('PRIVATE KEY')) return 'other-private';
  return 'none';
}

/** The first PEM block in `text`, or kind `none` when there is none. */
export function readPem(text: string): PemBlock {
  const match = BLOCK.exec(text);
  if (!match) return { kind: 'none', label: '', der: new Uint8Array() };
  const label = match[1] ?? '';
  const inside = match[2] ?? '';
  // Legacy encrypted PKCS#1 puts "Proc-Type:" and "DEK-Info:" headers before the body.
  const headers = inside.split(/\r?\n\r?\n/).length > 1 ? inside : '';
  const kind = kindOf(label, headers);
  const body = inside
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  const der = base64Problem(body) === null ? decodeBase64(body) : new Uint8Array();
  return { kind, label, der };
}
