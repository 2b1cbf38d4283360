// The sandboxed preload is built as scripts/build.mjs builds it: it must stay a few names and a
// loop (the contract's operation names are injected by esbuild), never the schemas or zod.
import { beforeAll, describe, expect, it } from 'vitest';
import { channelOf, operations } from '../../preload/shared/contract';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { buildPreload } from '../../scripts/preload-build.mjs';

/** Today ~1.6 KB; the schemas alone would be several times this, zod about 100 times. */
const MAX_BYTES = 4096;

let text = '';
beforeAll(async () => {
  const result = (await buildPreload({ write: false })) as { outputFiles: { text: string }[] };
  text = result.outputFiles[0]?.text ?? '';
});

describe('preload bundle', () => {
  it('stays small', () => {
    expect(text.length).toBeGreaterThan(200);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_BYTES);
  });

  it('bundles neither zod nor the schemas', () => {
    expect(text).not.toMatch(/zod|ZodError|safeParse|strictObject|\$ZodType/i);
    expect(text).not.toContain('isValidClusterId');
  });

  it('knows every operation of the contract by name', () => {
    for (const op of operations) expect(text).toContain(`"${op}"`);
    expect(channelOf('stopVnc')).toBe('ehpc:stopVnc');
    expect(text).toContain('ehpc:');
  });
});
