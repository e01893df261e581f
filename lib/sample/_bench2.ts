import { DuckDBInstance } from '@duckdb/node-api';
(async () => {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  console.log((await con.runAndReadAll(`SELECT rpad('abc', 5, ' ') || '|' AS a, rpad('abcdefgh', 5, ' ') || '|' AS b, length(rpad('', 3, ' ')) AS c, rpad('é✓', 4, ' ') || '|' AS d`)).getRowsJson());
})();
