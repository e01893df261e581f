/**
 * Plain explanations for why one value did not decrypt. The Encryption SDK's
 * own messages ("Unencrypted data key is invalid.", an `OperationError`
 * DOMException, "Unable to parse Header") mean nothing to a user, so each is
 * mapped to one of a few reasons, per cell.
 */

/** Why a value did not decrypt. */
export type FleFailureReason = 'wrong-key' | 'damaged' | 'not-base64' | 'not-encrypted';

/** What the user reads for each reason. */
export const FLE_FAILURE_MESSAGES: Readonly<Record<FleFailureReason, string>> = {
  'wrong-key': 'not encrypted for the loaded key',
  damaged: 'damaged value',
  'not-base64': 'not an encrypted value (not base64 text)',
  'not-encrypted': 'not an encrypted value',
};

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Classifies an error thrown while decrypting one value. Unknown errors count
 * as damage: the value could not be read, and the SDK refuses anything it
 * cannot authenticate.
 */
export function classifyDecryptError(error: unknown): FleFailureReason {
  const text = messageOf(error);
  // The keyring found no data key it could unwrap: other key, other provider or key name.
  if (/Unencrypted data key is invalid|unencryptedDataKey has not been set|No privateKey configured/i.test(text)) return 'wrong-key';
  if (/not base64/i.test(text)) return 'not-base64';
  if (/Not a supported message format version|Malformed Header/i.test(text)) return 'not-encrypted';
  return 'damaged';
}
