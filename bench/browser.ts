/**
 * The browser side of the benchmark: the production build under `next start`
 * with the bench hook on, driven by Playwright's library API in Debian's
 * Chromium with the launch arguments of `playwright.config.ts`.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/support/chromium';
import { BENCH_HOOK_ENV, BENCH_HOOK_NAME, type BenchHook, type BenchQueryOptions, type BenchQueryOutcome } from '../lib/bench/hook';
import { DashboardPage } from '../e2e/support/dashboard-page';
import { FLOOR_ENTRY, floorHtml } from './floor-page';
import { addBenchUser, signedInState, type BenchUser } from './sign-in';

/** What the dashboard's progress status says once every tile has settled (as `DashboardPage.waitForTiles` expects). */
const ALL_TILES_RENDERED = /All \d+ tiles rendered/;

/** Same arguments as playwright.config.ts, plus exact heap figures for the memory column. */
const LAUNCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

/** A running `next start`. */
export interface AppServer {
  url: string;
  user: BenchUser;
  stop(): void;
}

/** Starts the built app on a port with the hook on and a viewer account; resolves once the sign-in page answers. */
export async function startServer(port: number, source: string, db: string): Promise<AppServer> {
  const user = addBenchUser(db);
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, CLUSTERSCOPE_SOURCE: source, CLUSTERSCOPE_DB: db, [BENCH_HOOK_ENV]: '1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, user, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`next start did not answer on ${url} within 5 minutes: ${stderr}`);
}

/** One query's browser figures. */
export interface BrowserRun {
  coldMs: number;
  warmMs: number[];
  bytesFetched: number;
  requests: number;
  filesRead: number;
  rows: number;
  error?: string;
}

/** Peak memory seen over the suite. */
export interface MemoryPeaks {
  wasmBytes: number;
  jsHeapBytes: number;
  /** Byte ranges the engine worker keeps (its own cap applies). */
  rangeCacheBytes: number;
}

/** Playwright session over the app. */
export class BrowserBench {
  readonly peaks: MemoryPeaks = { wasmBytes: 0, jsHeapBytes: 0, rangeCacheBytes: 0 };
  private floorScript: string | null = null;

  private constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    private readonly session: BrowserContextOptions['storageState'],
  ) {}

  static async launch(server: AppServer): Promise<BrowserBench> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: LAUNCH_ARGS });
    try {
      return new BrowserBench(browser, server.url, await signedInState(browser, server.url, server.user));
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** A fresh context (empty HTTP cache and IndexedDB) holding only the session cookies. */
  private newContext(): Promise<BrowserContext> {
    return this.browser.newContext({ storageState: this.session });
  }

  /** A fresh context (empty HTTP cache and IndexedDB) with the console loaded and the engine ready. */
  private async openConsole(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.newContext();
    const page = await context.newPage();
    await page.goto(`${this.baseUrl}/`);
    await page.waitForFunction((name) => name in window, BENCH_HOOK_NAME, { timeout: 600_000 });
    return { context, page };
  }

  private async sampleMemory(page: Page): Promise<void> {
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    for (const worker of page.workers()) {
      const [wasm, cache] = await worker
        .evaluate(() => {
          const g = globalThis as { __clusterscopeWasmBytes?: () => number; __clusterscopeRangeCacheBytes?: () => number };
          return [g.__clusterscopeWasmBytes?.() ?? 0, g.__clusterscopeRangeCacheBytes?.() ?? 0];
        })
        .catch(() => [0, 0]);
      this.peaks.wasmBytes = Math.max(this.peaks.wasmBytes, wasm ?? 0);
      this.peaks.rangeCacheBytes = Math.max(this.peaks.rangeCacheBytes, cache ?? 0);
    }
    this.peaks.jsHeapBytes = Math.max(this.peaks.jsHeapBytes, heap);
  }

  private static async runOnce(page: Page, sql: string, options: BenchQueryOptions): Promise<BenchQueryOutcome> {
    return page.evaluate(([name, text, opts]) => (window as unknown as Record<string, BenchHook>)[name]!.query(text, opts), [
      BENCH_HOOK_NAME,
      sql,
      options,
    ] as const);
  }

  /** Cold run (first after page load) and warm runs of one statement, on a fresh page. */
  async measure(sql: string, warmRuns: number, options: BenchQueryOptions = {}): Promise<BrowserRun> {
    const { context, page } = await this.openConsole();
    try {
      const cold = await BrowserBench.runOnce(page, sql, options);
      await this.sampleMemory(page);
      const warm: number[] = [];
      for (let i = 0; i < warmRuns; i++) {
        warm.push((await BrowserBench.runOnce(page, sql, options)).stats.elapsedMs);
        await this.sampleMemory(page);
      }
      return {
        coldMs: cold.stats.elapsedMs,
        warmMs: warm,
        bytesFetched: cold.stats.bytesFetched,
        requests: cold.stats.requests,
        filesRead: cold.stats.filesRead,
        rows: cold.rowCount,
      };
    } catch (error) {
      await this.sampleMemory(page).catch(() => undefined);
      return {
        coldMs: NaN,
        warmMs: [],
        bytesFetched: NaN,
        requests: 0,
        filesRead: 0,
        rows: 0,
        error: error instanceof Error ? error.message.split('\n')[0] : String(error),
      };
    } finally {
      await context.close();
    }
  }

  /**
   * Navigation to a dashboard fully rendered (ms since navigation start), with
   * the signal the dashboards e2e waits for (`DashboardPage.waitForTiles`): the
   * "Dashboard progress" status reads "All N tiles rendered". Polled every
   * frame so the figure is not rounded to Playwright's retry intervals; then,
   * as the e2e does, no tile may show an error.
   */
  async coldStartDashboard(dashboardId: string): Promise<number> {
    const context = await this.newContext();
    try {
      const page = await context.newPage();
      const dashboard = new DashboardPage(page);
      await page.goto(`${this.baseUrl}/dashboards/${encodeURIComponent(dashboardId)}`);
      const handle = await page.waitForFunction(
        (pattern) => {
          const progress = [...document.querySelectorAll('[role="status"]')].find((el) => el.getAttribute('aria-label') === 'Dashboard progress');
          return progress && new RegExp(pattern).test(progress.textContent ?? '') ? performance.now() : false;
        },
        ALL_TILES_RENDERED.source,
        { polling: 'raf', timeout: 600_000 },
      );
      const renderedMs = (await handle.jsonValue()) as number;
      const progress = (await dashboard.progress.textContent()) ?? '';
      const errors = await dashboard.tileErrors().allTextContents();
      if (/failed/.test(progress) || errors.length > 0) throw new Error(`${dashboardId} rendered with tile errors: ${progress}; ${errors.join('; ')}`);
      return renderedMs;
    } finally {
      await context.close();
    }
  }

  /** Navigation to the bare DuckDB-WASM page's trivial query answered (ms since navigation start). */
  async coldStartFloor(filePath: string): Promise<number> {
    if (this.floorScript === null) {
      const out = await build({
        stdin: { contents: FLOOR_ENTRY, resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      this.floorScript = out.outputFiles[0]?.text ?? '';
    }
    const script = this.floorScript;
    const context = await this.newContext();
    try {
      await context.route(`${this.baseUrl}/__bench/floor*`, (route) => {
        const isScript = new URL(route.request().url()).pathname.endsWith('.js');
        return route.fulfill({
          status: 200,
          contentType: isScript ? 'text/javascript' : 'text/html',
          body: isScript ? script : floorHtml('/__bench/floor.js'),
        });
      });
      const page = await context.newPage();
      const encoded = filePath.split('/').map(encodeURIComponent).join('/');
      await page.goto(`${this.baseUrl}/__bench/floor?file=${encodeURIComponent(`/api/files/${encoded}`)}`);
      const handle = await page.waitForFunction(
        () => {
          const w = window as unknown as { __floorDone?: number; __floorError?: string };
          if (w.__floorError) throw new Error(w.__floorError);
          return w.__floorDone ?? false;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      return (await handle.jsonValue()) as number;
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
