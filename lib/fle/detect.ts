/**
 * Recognises Encryption SDK messages with the SDK's own header parser, so a
 * column is flagged as protected from its values even when no FLE profile
 * names it. Reads only the header: no key is needed and nothing is decrypted.
 */
import { WebCryptoAlgorithmSuite } from '@aws-crypto/material-management-browser';
import { deserializeFactory } from '@aws-crypto/serialize';
import { decodeBase64 } from './base64';

/** What an FLE value's header says. */
export interface FleHeaderInfo {
  /** Algorithm suite id, e.g. 0x0378. */
  suiteId: number;
  /** Provider name (key namespace) and key name of the first wrapped data key. */
  keyNamespace: string;
  keyName: string;
}

const utf8 = new TextDecoder('utf-8');
const { deserializeMessageHeader } = deserializeFactory((bytes: Uint8Array) => utf8.decode(bytes), WebCryptoAlgorithmSuite);

/** Version 1 messages start with 0x01 0x80, version 2 with 0x02: base64 "AY" or "Ag". */
const PREFIX = /^(AY|A[g-j])/;

/** The header of an FLE value, or null when the text is not an SDK message. */
export function readFleHeader(value: string): FleHeaderInfo | null {
  if (!PREFIX.test(value)) return null;
  try {
    const info = deserializeMessageHeader(decodeBase64(value.trim()), { maxEncryptedDataKeys: 1 });
    if (!info) return null;
    const edk = info.messageHeader.encryptedDataKeys[0];
    if (!edk) return null;
    return { suiteId: info.messageHeader.suiteId, keyNamespace: edk.providerId, keyName: edk.providerInfo };
  } catch {
    return null;
  }
}

/** How many non-null values of a column {@link looksProtected} samples. */
export const DETECT_SAMPLE = 40;

/**
 * True when the sampled text values are mostly SDK messages: at least one,
 * and at least half of the non-empty ones (a damaged cell must not unflag
 * its column).
 */
export function looksProtected(values: Iterable<unknown>, sample: number = DETECT_SAMPLE): boolean {
  let seen = 0;
  let hits = 0;
  for (const value of values) {
    if (typeof value !== 'string' || value === '') continue;
    seen += 1;
    if (readFleHeader(value)) hits += 1;
    if (seen >= sample) break;
  }
  return hits > 0 && hits * 2 >= seen;
}
