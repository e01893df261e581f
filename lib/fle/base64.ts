/**
 * Base64 text of an FLE value to bytes. CloudFront may drop the trailing '='
 * padding, so it is restored; anything else that is not standard base64
 * (base64url, spaces, other characters) is refused rather than guessed at.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Why a text is not standard base64, or null when it is. */
export function base64Problem(text: string): string | null {
  if (text.length === 0) return 'the value is empty';
  if (!BASE64.test(text)) return 'the value is not base64 text';
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) return 'the value is not base64 text (its length is impossible)';
  return null;
}

/** Restores '=' padding that CloudFront may have dropped. */
export function repadBase64(text: string): string {
  const body = text.replace(/=+$/, '');
  const rem = body.length % 4;
  return rem === 0 ? body : body + '='.repeat(4 - rem);
}

/** Decodes standard base64 with or without padding; throws a plain `Error` when it is not base64. */
export function decodeBase64(text: string): Uint8Array {
  const problem = base64Problem(text);
  if (problem) throw new Error(problem);
  const binary = atob(repadBase64(text));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
