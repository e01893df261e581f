/**
 * base64url (RFC 4648 §5) without padding, for bytes in URLs. Written out rather
 * than through `btoa`, because decoding must be strict: a link with a character
 * outside the alphabet, or an impossible length, is damaged and must say so.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Encodes bytes as unpadded base64url text. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(triple >> 6) & 63]!;
    if (i + 2 < bytes.length) out += ALPHABET[triple & 63]!;
  }
  return out;
}

/** Decodes unpadded base64url text; `null` when it holds a foreign character or cannot be base64 at all. */
export function fromBase64Url(text: string): Uint8Array | null {
  // One leftover character cannot encode a whole byte.
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let written = 0;
  for (const char of text) {
    const value = LOOKUP.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
