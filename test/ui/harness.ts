// Drives the real renderer build in real Chromium against the real core. The page gets
// `window.ehpc` from preload/shared/bridge.ts (as in Electron); its transport is a Playwright
// binding that calls the handler table the Electron main registers, backed by AppService, the
// E-HPC emulator and the keychain (run under test/with-keyring.sh).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { contract, operations, type AppState, type Operation } from '../../preload/shared/contract';
import { startAppFixture, type AppFixture, type AppFixtureOptions } from '../support/app-fixture';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist/renderer');

/** The shell's CSP, served as a header as well as the page's own meta tag. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Builds dist/renderer once (under a lock) when it is missing or stale. */
export function ensureRendererBuilt(): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  execFileSync(
    'flock',
    [
      join(ROOT, 'dist/.renderer-build.lock'),
      process.execPath,
      'test/ui/build-renderer-if-stale.mjs',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

function serveRenderer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(DIST, normalize(path === '/' ? 'index.html' : `.${path}`));
    if (!file.startsWith(DIST + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

let bridgeScript: Promise<string> | undefined;
function pageBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(ROOT, 'test/ui/page-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
    // As scripts/build.mjs does for the preload: the operation names, not the contract.
    define: { __EHPC_OPERATIONS__: JSON.stringify(operations) },
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

const byChannel = new Map<string, Operation>(operations.map((op) => [contract[op].channel, op]));

export interface OpenOptions {
  fixture?: AppFixtureOptions;
  /** An already started fixture (e.g. to seed settings first); the app closes it all the same. */
  use?: AppFixture;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  deviceScaleFactor?: number;
  /** Playwright's fake clock in the page (time still runs), for `page.clock.fastForward`. */
  fakeClock?: boolean;
}

export interface UiApp {
  page: Page;
  fixture: AppFixture;
  /** Console errors, page errors and CSP violations seen so far: a clean run has none. */
  problems: string[];
  /** Every operation the page called, in order (names only: payloads may hold secrets). */
  calls: Operation[];
  close(): Promise<void>;
}

export interface UiHarness {
  browser: Browser;
  url: string;
  open(opts?: OpenOptions): Promise<UiApp>;
  close(): Promise<void>;
}

/** One browser and one static server per test file; one app (context + fixture) per test. */
export async function startUi(): Promise<UiHarness> {
  ensureRendererBuilt();
  const [server, browser, script] = await Promise.all([
    serveRenderer(),
    chromium.launch({
      // CHROMIUM_PATH: where Debian's chromium is not (a GitHub runner's Playwright build).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    }),
    pageBridge(),
  ]);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  async function open(opts: OpenOptions = {}): Promise<UiApp> {
    const fixture = opts.use ?? (await startAppFixture(opts.fixture));
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 380, height: 600 },
      locale: opts.locale ?? 'en-US',
      colorScheme: opts.colorScheme ?? 'light',
      deviceScaleFactor: opts.deviceScaleFactor ?? 1,
      reducedMotion: 'reduce',
    });
    // The renderer must never reach the network: fail any request that is not the page itself.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(url) ? route.continue() : route.abort('blockedbyclient'),
    );
    const problems: string[] = [];
    const calls: Operation[] = [];
    const drift: string[] = [];
    await context.exposeBinding(
      '__ehpcInvoke',
      async (_source, channel: string, payload: unknown) => {
        const op = byChannel.get(channel);
        if (!op)
          return {
            ok: false,
            error: { code: 'UnknownChannel', message: channel, action: '', retryable: false },
          };
        calls.push(op);
        try {
          return await fixture.handlers[op](payload);
        } catch (err) {
          // The fixture checks every answer against the contract's response schema.
          drift.push((err as Error).message);
          throw err;
        }
      },
    );
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    if (opts.fakeClock) await page.clock.install();
    const unsubscribe = fixture.service.onState((state: AppState) => {
      void page
        .evaluate(
          (s) =>
            (window as unknown as { __ehpcPushState?: (x: AppState) => void }).__ehpcPushState?.(s),
          state,
        )
        .catch(() => undefined);
    });
    await page.goto(url);
    return {
      page,
      fixture,
      problems,
      calls,
      async close() {
        unsubscribe();
        await context.close();
        await fixture.close();
        if (drift.length > 0) throw new Error(`Answers off the contract:\n${drift.join('\n')}`);
      },
    };
  }

  return {
    browser,
    url,
    open,
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
