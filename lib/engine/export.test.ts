import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadFileName,
  engineExportFileName,
  exportableSql,
  exportResult,
  exportSliceSql,
  ExportSqlError,
  exportTableSql,
  nextSliceRows,
  SLICE_BYTES,
  type ExportedFile,
  type ExportEngine,
} from './export';
import { startNodeEngine, type NodeEngine } from './testing/node-engine';

describe('exportableSql', () => {
  it('strips the semicolons, blanks and comments that end a statement', () => {
    expect(exportableSql('SELECT 1;')).toBe('SELECT 1');
    expect(exportableSql('SELECT 1 ;;  \n')).toBe('SELECT 1');
    expect(exportableSql('SELECT 1; -- done\n')).toBe('SELECT 1');
    expect(exportableSql('SELECT 1 /* a; b */;')).toBe('SELECT 1');
    expect(exportableSql('SELECT /* a; b */ 1;')).toBe('SELECT /* a; b */ 1');
    expect(exportableSql('-- lead\nSELECT 1 -- trailing')).toBe('-- lead\nSELECT 1');
  });

  it('leaves semicolons inside strings, identifiers and comments alone', () => {
    expect(exportableSql("SELECT 'a;b' AS \"x;y\", 'it''s;' -- c;\n;")).toBe("SELECT 'a;b' AS \"x;y\", 'it''s;'");
    expect(exportableSql('SELECT $$a;b$$ AS s;')).toBe('SELECT $$a;b$$ AS s');
  });

  it('reads E strings and nested block comments as DuckDB does', () => {
    expect(exportableSql("SELECT E'it\\'s;' AS s;")).toBe("SELECT E'it\\'s;' AS s");
    expect(exportableSql('SELECT 1 /* a /* b */ ; */;')).toBe('SELECT 1');
  });

  it('refuses several statements and empty ones', () => {
    expect(() => exportableSql('SELECT 1; SELECT 2')).toThrow(ExportSqlError);
    expect(() => exportableSql(' ; -- nothing')).toThrow('no statement');
    expect(() => exportableSql('')).toThrow(ExportSqlError);
  });
});

describe('the statements', () => {
  it('materializes the statement in a temporary table and writes slices by rowid', () => {
    expect(exportTableSql('SELECT 1; -- done', 'clusterscope_export_x')).toBe('CREATE TEMP TABLE "clusterscope_export_x" AS (\nSELECT 1\n)');
    expect(exportSliceSql('t', 0, 65_536, 'csv', "it's.csv", true)).toBe(
      `COPY (SELECT * FROM "t" WHERE rowid >= 0 AND rowid < 65536) TO 'it''s.csv' (HEADER true, DELIMITER ',')`,
    );
    expect(exportSliceSql('t', 10, 20, 'csv', 'b.csv', false)).toContain("(HEADER false, DELIMITER ',')");
    expect(exportSliceSql('t', 10, 20, 'parquet', 'b.parquet', false)).toContain("TO 'b.parquet' (FORMAT PARQUET)");
  });

  it('sizes slices to a few megabytes from the bytes per row seen', () => {
    expect(nextSliceRows('csv', 0, 0)).toBe(65_536);
    expect(nextSliceRows('csv', 65_536, 65_536 * 16)).toBe(SLICE_BYTES.csv / 16);
    expect(nextSliceRows('parquet', 65_536, 65_536 * 16)).toBe(SLICE_BYTES.parquet / 16);
    expect(nextSliceRows('csv', 100, 100 * 1_000_000)).toBe(4_096);
    expect(nextSliceRows('csv', 65_536, 0)).toBe(4_000_000);
  });

  it('names files uniquely in the engine and by time for the download', () => {
    expect(engineExportFileName('csv', 'abc')).toBe('clusterscope-export-abc.csv');
    expect(engineExportFileName('parquet')).not.toBe(engineExportFileName('parquet'));
    expect(downloadFileName('parquet', new Date('2026-11-27T13:22:05.123Z'))).toBe('clusterscope-result-20261127-132205.parquet');
  });
});

describe('exportResult in DuckDB-WASM 1.28 (the browser engine, in Node)', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await startNodeEngine();
  }, 60_000);
  afterAll(() => engine?.close());

  /** The engine as an export sees it, counting the files it creates. */
  function target(): ExportEngine & { files: string[] } {
    const files: string[] = [];
    return {
      files,
      run: async (sql) => {
        const table = engine.conn.query(sql);
        return table.numRows > 0 ? (table.getChildAt(0)?.get(0) ?? null) : null;
      },
      // An empty buffer keeps the file in memory, as in the browser (the Node build would write to disk).
      createFile: async (name) => {
        files.push(name);
        engine.db.registerFileBuffer(name, new Uint8Array());
      },
      readFile: async (name) => engine.db.copyFileToBuffer(name),
      dropFile: async (name) => {
        engine.db.dropFile(name);
      },
    };
  }

  function bytesOf(file: ExportedFile): Uint8Array {
    const out = new Uint8Array(file.byteLength);
    let at = 0;
    for (const part of file.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** What one COPY of the whole statement writes: the reference the slices must add up to. */
  function copyAtOnce(sql: string, options: string): Uint8Array {
    engine.db.registerFileBuffer('whole', new Uint8Array());
    engine.conn.query(`COPY (${sql}) TO 'whole' ${options}`);
    const bytes = engine.db.copyFileToBuffer('whole');
    engine.db.dropFile('whole');
    return bytes;
  }

  function tempTables(): number {
    return Number(engine.conn.query("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'clusterscope_export_%'").getChildAt(0)?.get(0));
  }

  const SQL = `SELECT i, i * 2 AS twice, 'user-' || (i % 977)::VARCHAR AS name,
    TIMESTAMP '2026-11-01' + to_microseconds(i * 1234567) AS at FROM range(300000) t(i) ORDER BY i DESC`;

  it('writes CSV in slices that add up to exactly what one COPY writes', async () => {
    const engineTarget = target();
    const progress: number[] = [];
    const file = await exportResult(engineTarget, `${SQL};`, 'csv', { onProgress: (step) => progress.push(step.rowsWritten) });
    expect(engineTarget.files.length).toBeGreaterThan(1);
    expect(file.rows).toBe(300_000);
    expect(progress).toEqual([0, 65_536, ...progress.slice(2)]);
    expect(progress.at(-1)).toBe(300_000);
    expect(new TextDecoder().decode(bytesOf(file))).toBe(new TextDecoder().decode(copyAtOnce(SQL, "(HEADER, DELIMITER ',')")));
    expect(tempTables()).toBe(0);
    expect(engine.db.globFiles('clusterscope-export-*')).toEqual([]);
  });

  it('writes Parquet in slices joined into one file with every row in order', async () => {
    const engineTarget = target();
    const file = await exportResult(engineTarget, SQL, 'parquet');
    expect(engineTarget.files.length).toBeGreaterThan(1);
    const bytes = bytesOf(file);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
    engine.db.registerFileBuffer('back.parquet', bytes);
    const back = engine.conn.query(`SELECT count(*) AS n, bool_and(i = 299999 - (rn - 1)) AS ordered, max(at) AS last
      FROM (SELECT *, row_number() OVER () AS rn FROM 'back.parquet')`);
    engine.db.dropFile('back.parquet');
    expect({ ...back.toArray()[0] }).toMatchObject({ n: 300000n, ordered: true });
  });

  it('writes the header (CSV) or the schema (Parquet) of an empty result, with exact values', async () => {
    const csv = await exportResult(target(), 'SELECT 9007199254740993::BIGINT AS big, \'a,"b"\' AS text, NULL::INTEGER AS missing WHERE false', 'csv');
    expect(new TextDecoder().decode(bytesOf(csv))).toBe('big,text,missing\n');
    const exact = await exportResult(
      target(),
      "SELECT 9007199254740993::BIGINT AS big, TIMESTAMP '2026-11-27 23:59:59.123456' AS at, 'a,\"b\"' AS text, NULL::INTEGER AS missing",
      'csv',
    );
    expect(new TextDecoder().decode(bytesOf(exact))).toBe('big,at,text,missing\n9007199254740993,2026-11-27 23:59:59.123456,"a,""b""",\n');
    const parquet = await exportResult(target(), 'SELECT 1 AS a WHERE false', 'parquet');
    expect(parquet.rows).toBe(0);
    expect(new TextDecoder().decode(bytesOf(parquet).subarray(0, 4))).toBe('PAR1');
  });

  it('defuses formula cells of text columns and headers, and keeps the numbers of numeric columns', async () => {
    const sql = `SELECT -5 AS n, '-5+cmd' AS s, '=HYPERLINK("http://x.example")' AS f, '@SUM(1)' AS a, '+1' AS p,
      chr(9) || 'x' AS t, chr(13) || 'y' AS c, CAST(-1.5 AS DECIMAL(9,2)) AS d, -2.5::DOUBLE AS r, DATE '2026-01-02' AS day, 'ok' AS "=head"`;
    const file = await exportResult(target(), sql, 'csv');
    expect(new TextDecoder().decode(bytesOf(file))).toBe(
      `n,s,f,a,p,t,c,d,r,day,'=head\n-5,'-5+cmd,"'=HYPERLINK(""http://x.example"")",'@SUM(1),'+1,'\tx,"'\ry",-1.50,-2.5,2026-01-02,ok\n`,
    );
  });

  it('stops when cancelled and when the SQL fails, leaving no table or file behind', async () => {
    const abort = new AbortController();
    const cancelled = exportResult(target(), SQL, 'csv', {
      signal: abort.signal,
      onProgress: (step) => {
        if (step.rowsWritten > 0) abort.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ info: { cancelled: true } });
    await expect(exportResult(target(), 'SELECT nope FROM nowhere', 'csv')).rejects.toThrow(/nowhere/);
    await expect(exportResult(target(), 'SELECT 1; SELECT 2', 'csv')).rejects.toThrow(ExportSqlError);
    expect(tempTables()).toBe(0);
    expect(engine.db.globFiles('clusterscope-export-*')).toEqual([]);
  });
});
