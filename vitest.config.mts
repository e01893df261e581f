import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['{lib,components,app,scripts,bench}/**/*.test.ts', '{lib,components,app,scripts}/**/*.test.tsx'],
    environment: 'node',
    // Starts a real radosgw when the run includes S3 tests and none is running.
    globalSetup: ['lib/s3/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
