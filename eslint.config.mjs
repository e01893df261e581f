import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      // Runtime Arrow classes must come from DuckDB's own results: a second import path
      // resolves to a different copy (or, through tsconfig paths, to a .d.ts) under Turbopack.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'apache-arrow', allowTypeImports: true, message: 'Import Arrow types only (import type).' },
            { name: 'zod', message: "Import z from '@/lib/validation/zod' (jitless: zod's eval probe breaks the CSP)." },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/validation/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true, allowTypedFunctionExpressions: true }],
    },
  },
  {
    // Every spec runs under the shared fixture that fails on CSP violations and page errors.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'apache-arrow', allowTypeImports: true, message: 'Import Arrow types only (import type).' },
            { name: 'zod', message: "Import z from '@/lib/validation/zod' (jitless: zod's eval probe breaks the CSP)." },
            { name: '@playwright/test', allowTypeImports: true, message: "Import test and expect from './support/test' (signed in, fails on CSP violations)." },
          ],
        },
      ],
    },
  },
  // Last: formatting is Prettier's (npm run format), so no lint rule argues with it.
  prettier,
  globalIgnores(['.next/**', 'node_modules/**', 'public/duckdb/**', 'public/fle/**', 'data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
