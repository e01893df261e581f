/**
 * Joins Parquet files of the same schema into one, without decoding any
 * data: a file is `PAR1`, its column chunks, a Thrift footer (FileMetaData),
 * the footer's length and `PAR1` again. The chunks are copied as they are
 * and one footer lists every row group, its byte offsets moved to where the
 * chunks now sit.
 *
 * It lets an export write a big result as several small files, which
 * DuckDB-WASM does in linear time where one big in-memory file costs
 * quadratic time (every write past the end reallocates the whole buffer).
 */
import { field, readStruct, setField, WireType, writeStruct, type ThriftList, type ThriftStruct } from './thrift-compact';

const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // PAR1

/** FileMetaData, RowGroup, ColumnChunk and ColumnMetaData field ids (parquet.thrift). */
const FILE = { numRows: 3, rowGroups: 4 } as const;
const ROW_GROUP = { columns: 1, fileOffset: 5, ordinal: 7 } as const;
const COLUMN_CHUNK = { fileOffset: 2, metaData: 3, offsetIndexOffset: 4, columnIndexOffset: 6 } as const;
const COLUMN_META = { dataPageOffset: 9, indexPageOffset: 10, dictionaryPageOffset: 11, bloomFilterOffset: 14 } as const;

export class ParquetConcatError extends Error {
  override readonly name = 'ParquetConcatError';
}

interface ParsedFile {
  bytes: Uint8Array;
  meta: ThriftStruct;
  /** Where the footer starts: column chunks (and any page indexes) lie before it. */
  footerStart: number;
}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return MAGIC.every((byte, index) => bytes[at + index] === byte);
}

function parse(bytes: Uint8Array, index: number): ParsedFile {
  if (bytes.length < 12 || !hasMagic(bytes, 0) || !hasMagic(bytes, bytes.length - 4)) {
    throw new ParquetConcatError(`Part ${index + 1} is not a Parquet file`);
  }
  const footerLength = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
  const footerStart = bytes.length - 8 - footerLength;
  if (footerStart < 4) throw new ParquetConcatError(`Part ${index + 1} has a broken footer`);
  const { struct } = readStruct(bytes.subarray(footerStart, bytes.length - 8));
  return { bytes, meta: struct, footerStart };
}

function structs(list: unknown): ThriftStruct[] {
  const items = (list as ThriftList | undefined)?.items ?? [];
  return items.filter((item): item is ThriftStruct => typeof item === 'object' && item !== null && 'kind' in item && item.kind === 'struct');
}

function shift(struct: ThriftStruct, id: number, delta: bigint): void {
  const value = field(struct, id);
  if (typeof value === 'bigint') setField(struct, id, WireType.I64, value + delta);
}

/** Moves every file offset of a row group by `delta` bytes. */
function moveRowGroup(group: ThriftStruct, delta: bigint): void {
  shift(group, ROW_GROUP.fileOffset, delta);
  for (const chunk of structs(field(group, ROW_GROUP.columns))) {
    shift(chunk, COLUMN_CHUNK.fileOffset, delta);
    shift(chunk, COLUMN_CHUNK.offsetIndexOffset, delta);
    shift(chunk, COLUMN_CHUNK.columnIndexOffset, delta);
    const meta = field(chunk, COLUMN_CHUNK.metaData);
    if (meta && typeof meta === 'object' && 'kind' in meta && meta.kind === 'struct') {
      for (const id of Object.values(COLUMN_META)) shift(meta, id, delta);
    }
  }
}

function schemaBytes(meta: ThriftStruct): string {
  const schema = field(meta, 2);
  return schema ? Array.from(writeStruct({ kind: 'struct', fields: [{ id: 2, type: WireType.List, value: schema }] })).join(',') : '';
}

/**
 * One Parquet file holding the rows of `files` in order, as a list of parts
 * for a Blob (the column chunks are views of the inputs, not copies).
 */
export function concatParquet(files: readonly Uint8Array[]): { parts: Uint8Array[]; byteLength: number } {
  if (files.length === 0) throw new ParquetConcatError('No Parquet parts to join');
  const parsed = files.map(parse);
  const first = parsed[0]!;
  if (parsed.length === 1) return { parts: [first.bytes], byteLength: first.bytes.length };
  const schema = schemaBytes(first.meta);
  const parts: Uint8Array[] = [MAGIC];
  let offset = MAGIC.length;
  let rows = 0n;
  const groups: ThriftStruct[] = [];
  parsed.forEach((file, index) => {
    if (schemaBytes(file.meta) !== schema) throw new ParquetConcatError(`Part ${index + 1} has a different schema`);
    const body = file.bytes.subarray(MAGIC.length, file.footerStart);
    // The body started at byte 4 of its file; it now starts at `offset`.
    const delta = BigInt(offset - MAGIC.length);
    for (const group of structs(field(file.meta, FILE.rowGroups))) {
      moveRowGroup(group, delta);
      groups.push(group);
    }
    const count = field(file.meta, FILE.numRows);
    rows += typeof count === 'bigint' ? count : BigInt(Number(count ?? 0));
    parts.push(body);
    offset += body.length;
  });
  groups.forEach((group, ordinal) => {
    if (field(group, ROW_GROUP.ordinal) !== undefined) setField(group, ROW_GROUP.ordinal, WireType.I16, ordinal);
  });
  const meta: ThriftStruct = { kind: 'struct', fields: first.meta.fields.map((entry) => ({ ...entry })) };
  setField(meta, FILE.numRows, WireType.I64, rows);
  setField(meta, FILE.rowGroups, WireType.List, { kind: 'list', wire: WireType.List, elementType: WireType.Struct, items: groups });
  const footer = writeStruct(meta);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, footer.length, true);
  parts.push(footer, length, MAGIC);
  return { parts, byteLength: offset + footer.length + 8 };
}
