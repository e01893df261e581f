import { beforeAll, describe, expect, it } from 'vitest';
import { encryptVector, generateVectorKeys, truncate, type VectorKeys } from './testing/vectors';
import { looksProtected, readFleHeader } from './detect';

let keys: VectorKeys;
let unsigned: string;
let signed: string;

beforeAll(async () => {
  keys = generateVectorKeys('DetectProvider', 'DetectKey');
  unsigned = await encryptVector(keys, 'select 1', 0x0178, false);
  signed = await encryptVector(keys, 'select 2', 0x0378);
});

describe('readFleHeader', () => {
  it('reads suite and names from both suites, padded or not', () => {
    expect(readFleHeader(unsigned)).toEqual({ suiteId: 0x0178, keyNamespace: 'DetectProvider', keyName: 'DetectKey' });
    expect(readFleHeader(signed)).toEqual({ suiteId: 0x0378, keyNamespace: 'DetectProvider', keyName: 'DetectKey' });
  });

  it('is null for plain text, base64 that is not a message, and a cut header', () => {
    for (const value of ['select 1', 'AYAD', 'AYAD!!!!', 'aGVsbG8=', truncate(signed, 30), '']) expect(readFleHeader(value)).toBeNull();
  });
});

describe('looksProtected', () => {
  it('flags a column of messages even with a damaged cell and nulls', () => {
    expect(looksProtected([null, unsigned, signed, 'AYAD-damaged', unsigned])).toBe(true);
  });

  it('does not flag plain text, numbers or empty columns', () => {
    expect(looksProtected(['select 1', 'AYAB is a word', 'x'])).toBe(false);
    expect(looksProtected([1, 2n, null])).toBe(false);
    expect(looksProtected([])).toBe(false);
    expect(looksProtected(['a', 'b', 'c', unsigned])).toBe(false);
  });
});
