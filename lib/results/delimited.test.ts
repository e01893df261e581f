import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { cellText, headerLine, rowLine } from './delimited';
import { resultOf } from './testing';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

describe('cell text', () => {
  it('copies NULL as empty text and everything else as shown', () => {
    expect(cellText(null, 'text')).toBe('');
    expect(cellText(1_795_823_999_123_456n, 'timestamp')).toBe('2026-11-27 23:59:59.123456');
    expect(cellText(9007199254740993n, 'bigint')).toBe('9007199254740993');
  });
});

describe('rows', () => {
  it('renders a row as TSV and CSV the way DuckDB writes CSV', () => {
    const sql = `SELECT 9007199254740993::BIGINT AS big, TIMESTAMP '2026-11-27 23:59:59.123456' AS "at, utc",
      'a,"b"' AS text, NULL::INTEGER AS missing, 2.5::DOUBLE AS ratio, CAST(-1.5 AS DECIMAL(9,2)) AS money, true AS flag`;
    const rows = resultOf(engine, sql);
    expect(headerLine(rows, 'tsv')).toBe('big\tat, utc\ttext\tmissing\tratio\tmoney\tflag');
    expect(rowLine(rows, 0, 'tsv')).toBe('9007199254740993\t2026-11-27 23:59:59.123456\t"a,""b"""\t\t2.5\t-1.50\ttrue');
    const csv = `${headerLine(rows, 'csv')}\n${rowLine(rows, 0, 'csv')}\n`;
    engine.db.registerFileBuffer('rows.csv', new Uint8Array());
    engine.conn.query(`COPY (${sql}) TO 'rows.csv' (HEADER, DELIMITER ',')`);
    expect(csv).toBe(new TextDecoder().decode(engine.db.copyFileToBuffer('rows.csv')));
    engine.db.dropFile('rows.csv');
  });
});

describe('formula cells', () => {
  it('defuses text that a spreadsheet would run, in TSV and CSV, and keeps negative numbers', () => {
    const sql = `SELECT -5 AS n, '-5+cmd' AS s, '=1+1' AS f, '@SUM(1)' AS a, chr(13) || 'y' AS c, 'x' AS "+head"`;
    const rows = resultOf(engine, sql);
    expect(headerLine(rows, 'tsv')).toBe("n\ts\tf\ta\tc\t'+head");
    expect(rowLine(rows, 0, 'tsv')).toBe("-5\t'-5+cmd\t'=1+1\t'@SUM(1)\t\"'\ry\"\tx");
    expect(rowLine(rows, 0, 'csv')).toBe("-5,'-5+cmd,'=1+1,'@SUM(1),\"'\ry\",x");
  });
});
