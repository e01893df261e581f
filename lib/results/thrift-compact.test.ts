import { describe, expect, it } from 'vitest';
import { field, readStruct, setField, WireType, writeStruct, type ThriftStruct } from './thrift-compact';

describe('Thrift compact protocol', () => {
  it('round-trips every wire type, long lists, far field ids and booleans', () => {
    const inner: ThriftStruct = { kind: 'struct', fields: [{ id: 1, type: WireType.Binary, value: new TextEncoder().encode('déjà') }] };
    const struct: ThriftStruct = {
      kind: 'struct',
      fields: [
        { id: 1, type: WireType.True, value: true },
        { id: 2, type: WireType.False, value: false },
        { id: 3, type: WireType.Byte, value: -5 },
        { id: 4, type: WireType.I16, value: -300 },
        { id: 5, type: WireType.I32, value: 2_147_483_647 },
        { id: 6, type: WireType.I64, value: -(2n ** 63n) },
        { id: 7, type: WireType.Double, value: 1.5 },
        {
          id: 40,
          type: WireType.List,
          value: { kind: 'list', wire: WireType.List, elementType: WireType.I64, items: Array.from({ length: 20 }, (_, i) => BigInt(i * 1_000_000_007)) },
        },
        { id: 41, type: WireType.Set, value: { kind: 'list', wire: WireType.Set, elementType: WireType.True, items: [true, false, true] } },
        { id: 42, type: WireType.Map, value: { kind: 'map', keyType: WireType.Binary, valueType: WireType.I32, entries: [[new Uint8Array([65]), 7]] } },
        { id: 43, type: WireType.Map, value: { kind: 'map', keyType: WireType.Binary, valueType: WireType.Binary, entries: [] } },
        { id: 44, type: WireType.Struct, value: inner },
      ],
    };
    const bytes = writeStruct(struct);
    const { struct: back, end } = readStruct(bytes);
    expect(end).toBe(bytes.length);
    expect(back).toEqual(struct);
    expect(writeStruct(back)).toEqual(bytes);
  });

  it('reads and sets fields by id, keeping them in id order', () => {
    const struct: ThriftStruct = { kind: 'struct', fields: [{ id: 3, type: WireType.I64, value: 10n }] };
    setField(struct, 3, WireType.I64, 11n);
    setField(struct, 1, WireType.I32, 1);
    setField(struct, 9, WireType.I32, 9);
    expect(struct.fields.map((entry) => entry.id)).toEqual([1, 3, 9]);
    expect(field(struct, 3)).toBe(11n);
    expect(field(struct, 4)).toBeUndefined();
  });

  it('refuses truncated data', () => {
    const bytes = writeStruct({ kind: 'struct', fields: [{ id: 1, type: WireType.Binary, value: new Uint8Array(10) }] });
    expect(() => readStruct(bytes.subarray(0, 5))).toThrow(RangeError);
  });
});
