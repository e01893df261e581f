/**
 * The deterministic sample dataset: Redshift STL tables as the export job
 * lays them out in S3, with FLE-protected text. `npm run sample` drives it;
 * tests and later features import from here.
 */

export { generateSample } from './generate-sample';
export type { GenerateSampleOptions, SampleProgress, SampleSummary } from './generate-sample';
export { DEFAULT_SAMPLE_OPTIONS, resolveSampleOptions } from './options';
export { buildClusters } from './clusters';
export { expectedPlaintext, sampleRowsForDay } from './lookup';
export type { PlaintextKey } from './lookup';
export { readMarker, MARKER_FILE } from './marker';
export type { SampleMarker, SampleMarkerCluster } from './marker';
export { DATA_PREFIX, PART_PATH_RE, partitionDir } from './parts';
export { SCHEMAS, columnsFor, encryptedColumns } from './schema';
export type { ColumnSpec, ColumnType } from './schema';
export { chunkText, padChar, queryTxt, TEXT_CHUNK, QUERYTXT_WIDTH } from './text';
export { DEMO_KEY_NAME, DEMO_KEY_NAMESPACE, demoPrivateKeyPem, demoPublicKeyPem } from './keys';
export { decryptSampleValue } from './decrypt';
export { repadBase64 } from '../fle/base64';
export { TABLE_NAMES } from './types';
export type {
  ClusterDayRows,
  ClusterProfile,
  FleSuite,
  Micros,
  SampleOptions,
  StlAlertEventLogRow,
  StlExplainRow,
  StlQueryRow,
  StlQueryTextRow,
  StlScanRow,
  StlStatementTextRow,
  StlWlmQueryRow,
  TableName,
  TableRowMap,
  TimedRow,
} from './types';
