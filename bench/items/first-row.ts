// Item 5: time from navigation start to the first cluster row, in Chromium, with the list cached
// in settings: the real renderer build, the real bridge and handler table, AppService, keychain
// and emulator (test/ui/harness.ts). The baseline is a blank React page's first rendered element
// in the same browser. Both are timed in the page by a MutationObserver installed before any
// script runs, against performance.now() (zero at navigation start).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';
import type { Page } from 'playwright';
import { startAppFixture } from '../../test/support/app-fixture';
import { startUi } from '../../test/ui/harness';
import { median, round2 } from '../measure';
import type { Row } from '../report';

export interface FirstRowOptions {
  rttMs: number;
  reps: number;
  clusters: number;
  blankDist: string;
}

interface Timings {
  firstMs: number;
  fcpMs?: number;
  /** The app's refresh from E-HPC was still in flight when the first row appeared. */
  beforeNetwork?: boolean;
}

declare global {
  interface Window {
    __benchFirst?: number;
    __benchFcp?: number;
    __benchBeforeNetwork?: boolean;
  }
}

const REFRESHING = 'button[aria-label="Refresh cluster list"][aria-disabled="true"]';

/** Installed as an init script: notes when `selector` first matches, and the first paint. */
function watchFor(args: { selector: string; refreshing: string }): void {
  const { selector, refreshing } = args;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint') window.__benchFcp = e.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__benchFirst === undefined && document.querySelector(selector)) {
      window.__benchFirst = performance.now();
      window.__benchBeforeNetwork = document.querySelector(refreshing) !== null;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function navigateAndTime(page: Page, url: string): Promise<Timings> {
  await page.goto(url);
  await page.waitForFunction(() => window.__benchFirst !== undefined);
  // FCP is reported asynchronously after the paint; wait for it rather than guess.
  await page
    .waitForFunction(() => window.__benchFcp !== undefined, undefined, { timeout: 5000 })
    .catch(() => undefined);
  return page.evaluate(() => ({
    firstMs: window.__benchFirst as number,
    ...(window.__benchFcp !== undefined ? { fcpMs: window.__benchFcp } : {}),
    beforeNetwork: window.__benchBeforeNetwork === true,
  }));
}

function serveDir(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(dir, normalize(path === '/' ? 'index.html' : `.${path}`));
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = extname(file) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8';
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

export async function benchFirstRow(opts: FirstRowOptions): Promise<Row[]> {
  const ui = await startUi();
  const blankServer = await serveDir(resolve(opts.blankDist));
  try {
    const fx = await startAppFixture({ clusters: opts.clusters, latencyMs: opts.rttMs });
    // A refresh caches the list (and its TotalCount) in settings, as a previous session would.
    await fx.service.listClusters({ refresh: true });
    const app = await ui.open({ use: fx });
    const blankContext = await ui.browser.newContext({ viewport: { width: 380, height: 600 } });
    try {
      await app.page.context().addInitScript(watchFor, {
        selector: '#cluster-list li',
        refreshing: REFRESHING,
      });
      await blankContext.addInitScript(watchFor, { selector: '#blank', refreshing: REFRESHING });
      const blankPage = await blankContext.newPage();
      const blankUrl = `http://127.0.0.1:${(blankServer.address() as AddressInfo).port}/`;
      const refreshIdle = 'button[aria-label="Refresh cluster list"]:not([aria-disabled])';

      const appTimes: Timings[] = [];
      const blankTimes: Timings[] = [];
      // One untimed round each first: the browser's own caches and JIT warm up.
      for (let r = -1; r < opts.reps; r++) {
        const a = await navigateAndTime(app.page, ui.url);
        // Let the background refresh finish so it does not overlap the next navigation.
        await app.page.waitForSelector(refreshIdle);
        const b = await navigateAndTime(blankPage, blankUrl);
        if (r >= 0) {
          appTimes.push(a);
          blankTimes.push(b);
        }
      }
      if (app.problems.length > 0) throw new Error(`renderer problems: ${app.problems.join('; ')}`);
      const appMs = median(appTimes.map((t) => t.firstMs));
      const blankMs = median(blankTimes.map((t) => t.firstMs));
      const extraRtt = (appMs - blankMs) / opts.rttMs;
      const beforeNetwork = appTimes.every((t) => t.beforeNetwork === true);
      return [
        {
          id: 'firstRow.cached',
          item: `5. first cluster row, cached list (${opts.clusters})`,
          baselineLabel: 'blank React 1st element',
          baseline: round2(blankMs),
          app: round2(appMs),
          unit: 'ms',
          appRtt: round2(extraRtt),
          ratio: round2(appMs / blankMs),
          target: 'row before the refresh returns',
          verdict: beforeNetwork ? 'PASS' : 'MISS',
          detail: {
            note: 'appRtt here is (app − blank) / RTT: local work, not network',
            beforeNetwork,
            appSamples: appTimes,
            blankSamples: blankTimes,
            appFcpMs: median(appTimes.flatMap((t) => (t.fcpMs !== undefined ? [t.fcpMs] : []))),
            blankFcpMs: median(blankTimes.flatMap((t) => (t.fcpMs !== undefined ? [t.fcpMs] : []))),
          },
        },
      ];
    } finally {
      await blankContext.close();
      await app.close();
    }
  } finally {
    await new Promise<void>((done) => blankServer.close(() => done()));
    await ui.close();
  }
}
