// Item 4: the renderer's JavaScript, gzip level 9 (what a download or an asar read costs, and a
// proxy for parse time) against the 120 KiB budget, and against a blank React page.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Row } from '../report';
import { atMost } from '../verdict';

export const BUDGET_KIB = 120;
const RENDERER_DIST = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface JsSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export async function jsSize(distDir: string): Promise<JsSize> {
  const assets = join(distDir, 'assets');
  const files = (await readdir(assets)).filter((f) => f.endsWith('.js')).sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const bytes = await readFile(join(assets, f));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

export async function benchBundle(blankDist: string): Promise<Row[]> {
  const [app, blank] = await Promise.all([jsSize(RENDERER_DIST), jsSize(blankDist)]);
  if (app.files.length === 0) throw new Error('dist/renderer/assets holds no JavaScript');
  return [
    {
      id: 'bundle.gzip',
      item: '4. renderer JS, gzip -9',
      baselineLabel: 'blank React',
      baseline: kib(blank.gzipBytes),
      app: kib(app.gzipBytes),
      unit: 'KiB',
      ratio: Math.round((app.gzipBytes / blank.gzipBytes) * 100) / 100,
      target: `≤ ${BUDGET_KIB} KiB`,
      verdict: atMost(app.gzipBytes, BUDGET_KIB * 1024),
      detail: { app, blank },
    },
  ];
}
