/**
 * Decrypts a sample's FLE value with the demo private key, the way the app
 * must: any suite, non-committing messages allowed, one data key at most,
 * and base64 re-padded first because CloudFront may drop the '='.
 */

import { CommitmentPolicy, RawRsaKeyringNode, buildClient } from '@aws-crypto/client-node';
import { repadBase64 } from '../fle/base64';
import { DEMO_KEY_NAME, DEMO_KEY_NAMESPACE, demoPrivateKeyPem } from './keys';

const { decrypt } = buildClient({ commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT, maxEncryptedDataKeys: 1 });

/** Decrypts one FLE value of the sample; throws the SDK's error when it is not one. */
export async function decryptSampleValue(value: string, privateKeyPem: string = demoPrivateKeyPem()): Promise<string> {
  const keyring = new RawRsaKeyringNode({
    keyNamespace: DEMO_KEY_NAMESPACE,
    keyName: DEMO_KEY_NAME,
    rsaKey: { privateKey: privateKeyPem },
    oaepHash: 'sha256',
  });
  const { plaintext } = await decrypt(keyring, Buffer.from(repadBase64(value), 'base64'));
  return plaintext.toString('utf8');
}
