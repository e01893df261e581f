/**
 * Thrift's compact protocol, generically: a struct decodes to its fields in
 * order (id, wire type, value) and encodes back byte for byte, so a caller
 * can change a few fields of a message it does not fully model. Parquet
 * footers are written this way.
 */

/** The compact protocol's type codes (in a boolean field, True and False carry the value). */
export const WireType = {
  Stop: 0,
  True: 1,
  False: 2,
  Byte: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  Double: 7,
  Binary: 8,
  List: 9,
  Set: 10,
  Map: 11,
  Struct: 12,
} as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

export type ThriftValue = boolean | number | bigint | Uint8Array | ThriftList | ThriftMap | ThriftStruct;

export interface ThriftField {
  id: number;
  type: WireType;
  value: ThriftValue;
}

export interface ThriftStruct {
  kind: 'struct';
  fields: ThriftField[];
}

export interface ThriftList {
  kind: 'list';
  /** List or Set on the wire. */
  wire: typeof WireType.List | typeof WireType.Set;
  elementType: WireType;
  items: ThriftValue[];
}

export interface ThriftMap {
  kind: 'map';
  keyType: WireType;
  valueType: WireType;
  entries: [ThriftValue, ThriftValue][];
}

class Reader {
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    offset: number,
  ) {
    this.offset = offset;
  }

  byte(): number {
    const value = this.bytes[this.offset];
    if (value === undefined) throw new RangeError('Thrift data ends early');
    this.offset += 1;
    return value;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.byte();
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new RangeError('Thrift varint too long');
    }
  }

  zigzag(): bigint {
    const raw = this.varint();
    return (raw >> 1n) ^ -(raw & 1n);
  }

  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new RangeError('Thrift data ends early');
    const slice = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

function readValue(reader: Reader, type: WireType): ThriftValue {
  switch (type) {
    case WireType.True:
      return true;
    case WireType.False:
      return false;
    case WireType.Byte: {
      const byte = reader.byte();
      return byte > 127 ? byte - 256 : byte;
    }
    case WireType.I16:
    case WireType.I32:
      return Number(reader.zigzag());
    case WireType.I64:
      return reader.zigzag();
    case WireType.Double:
      return new DataView(reader.take(8).buffer).getFloat64(0, true);
    case WireType.Binary:
      return reader.take(Number(reader.varint()));
    case WireType.List:
    case WireType.Set: {
      const header = reader.byte();
      const elementType = (header & 0x0f) as WireType;
      const size = header >> 4 === 15 ? Number(reader.varint()) : header >> 4;
      const items: ThriftValue[] = [];
      for (let i = 0; i < size; i += 1) {
        // Booleans inside collections take a whole byte: 1 is true.
        items.push(elementType === WireType.True || elementType === WireType.False ? reader.byte() === 1 : readValue(reader, elementType));
      }
      return { kind: 'list', wire: type, elementType, items };
    }
    case WireType.Map: {
      const size = Number(reader.varint());
      if (size === 0) return { kind: 'map', keyType: WireType.Binary, valueType: WireType.Binary, entries: [] };
      const types = reader.byte();
      const keyType = (types >> 4) as WireType;
      const valueType = (types & 0x0f) as WireType;
      const entries: [ThriftValue, ThriftValue][] = [];
      for (let i = 0; i < size; i += 1) entries.push([readValue(reader, keyType), readValue(reader, valueType)]);
      return { kind: 'map', keyType, valueType, entries };
    }
    case WireType.Struct:
      return readStructFields(reader);
    default:
      throw new RangeError(`Unknown Thrift wire type ${String(type)}`);
  }
}

function readStructFields(reader: Reader): ThriftStruct {
  const fields: ThriftField[] = [];
  let lastId = 0;
  for (;;) {
    const header = reader.byte();
    const type = (header & 0x0f) as WireType;
    if (type === WireType.Stop) return { kind: 'struct', fields };
    const delta = header >> 4;
    const id = delta === 0 ? Number(reader.zigzag()) : lastId + delta;
    fields.push({ id, type, value: readValue(reader, type) });
    lastId = id;
  }
}

/** Decodes one struct starting at `offset`; `end` is where it stopped. */
export function readStruct(bytes: Uint8Array, offset = 0): { struct: ThriftStruct; end: number } {
  const reader = new Reader(bytes, offset);
  const struct = readStructFields(reader);
  return { struct, end: reader.offset };
}

class Writer {
  private chunks: number[] = [];

  byte(value: number): void {
    this.chunks.push(value & 0xff);
  }

  varint(value: bigint): void {
    let rest = BigInt.asUintN(64, value);
    while (rest >= 0x80n) {
      this.byte(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.byte(Number(rest));
  }

  zigzag(value: bigint): void {
    this.varint((value << 1n) ^ (value >> 63n));
  }

  raw(bytes: Uint8Array): void {
    for (const byte of bytes) this.chunks.push(byte);
  }

  result(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

function isBool(type: WireType): boolean {
  return type === WireType.True || type === WireType.False;
}

function writeValue(writer: Writer, type: WireType, value: ThriftValue): void {
  switch (type) {
    case WireType.True:
    case WireType.False:
      return;
    case WireType.Byte:
      writer.byte(Number(value));
      return;
    case WireType.I16:
    case WireType.I32:
    case WireType.I64:
      writer.zigzag(BigInt(value as number | bigint));
      return;
    case WireType.Double: {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, Number(value), true);
      writer.raw(bytes);
      return;
    }
    case WireType.Binary: {
      const bytes = value as Uint8Array;
      writer.varint(BigInt(bytes.length));
      writer.raw(bytes);
      return;
    }
    case WireType.List:
    case WireType.Set: {
      const list = value as ThriftList;
      const size = list.items.length;
      writer.byte((size < 15 ? size << 4 : 0xf0) | list.elementType);
      if (size >= 15) writer.varint(BigInt(size));
      for (const item of list.items) {
        if (isBool(list.elementType)) writer.byte(item ? 1 : 2);
        else writeValue(writer, list.elementType, item);
      }
      return;
    }
    case WireType.Map: {
      const map = value as ThriftMap;
      writer.varint(BigInt(map.entries.length));
      if (map.entries.length === 0) return;
      writer.byte((map.keyType << 4) | map.valueType);
      for (const [key, entry] of map.entries) {
        writeValue(writer, map.keyType, key);
        writeValue(writer, map.valueType, entry);
      }
      return;
    }
    case WireType.Struct:
      writeStructFields(writer, value as ThriftStruct);
      return;
    default:
      throw new RangeError(`Unknown Thrift wire type ${String(type)}`);
  }
}

function writeStructFields(writer: Writer, struct: ThriftStruct): void {
  let lastId = 0;
  for (const field of struct.fields) {
    const type = isBool(field.type) ? (field.value ? WireType.True : WireType.False) : field.type;
    const delta = field.id - lastId;
    if (delta > 0 && delta <= 15) {
      writer.byte((delta << 4) | type);
    } else {
      writer.byte(type);
      writer.zigzag(BigInt(field.id));
    }
    writeValue(writer, type, field.value);
    lastId = field.id;
  }
  writer.byte(WireType.Stop);
}

/** Encodes a struct. */
export function writeStruct(struct: ThriftStruct): Uint8Array {
  const writer = new Writer();
  writeStructFields(writer, struct);
  return writer.result();
}

/** The value of field `id`, if present. */
export function field(struct: ThriftStruct, id: number): ThriftValue | undefined {
  return struct.fields.find((entry) => entry.id === id)?.value;
}

/** Sets field `id` (keeping field order by id), or adds it. */
export function setField(struct: ThriftStruct, id: number, type: WireType, value: ThriftValue): void {
  const existing = struct.fields.find((entry) => entry.id === id);
  if (existing) {
    existing.value = value;
    return;
  }
  const at = struct.fields.findIndex((entry) => entry.id > id);
  const entry = { id, type, value };
  if (at < 0) struct.fields.push(entry);
  else struct.fields.splice(at, 0, entry);
}
