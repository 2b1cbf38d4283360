// Each runtime is type-checked with only what it has (tsconfig.<runtime>.json), and ESLint says
// the same: Node's globals in the sandboxed page fail the check instead of failing in the page.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_FIXTURE = join(ROOT, 'test/typecheck/fixtures/node-globals.ts');
const DOM_FIXTURE = join(ROOT, 'test/typecheck/fixtures/dom-globals.ts');

/** The type errors of one file compiled with a project's tsconfig (its options, not its files). */
function typeErrors(config: string, file: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, config), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${config}`);
  const { incremental: _i, tsBuildInfoFile: _t, ...options } = parsed.options;
  const program = ts.createProgram({ rootNames: [file], options });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('type checking per runtime', { timeout: 60_000 }, () => {
  it('refuses Node globals in the renderer and in shared code, not in Node code', () => {
    for (const config of ['tsconfig.renderer.json', 'tsconfig.shared.json']) {
      const errors = typeErrors(config, NODE_FIXTURE);
      expect(errors, config).toEqual([
        expect.stringContaining("Cannot find name 'process'"),
        expect.stringContaining("Cannot find name 'Buffer'"),
      ]);
    }
    expect(typeErrors('tsconfig.core.json', NODE_FIXTURE)).toEqual([]);
  });

  it('refuses the DOM in the core and in shared code, not in the renderer', () => {
    for (const config of ['tsconfig.core.json', 'tsconfig.shared.json']) {
      const errors = typeErrors(config, DOM_FIXTURE);
      expect(errors, config).toEqual([
        expect.stringContaining("Cannot find name 'document'"),
        expect.stringContaining("Cannot find name 'window'"),
      ]);
    }
    expect(typeErrors('tsconfig.renderer.json', DOM_FIXTURE)).toEqual([]);
  });

  it('has ESLint refuse Node globals in the renderer and shared code', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const source = 'export const home = process.env.HOME ?? Buffer.from("").toString();\n';
    const ruleHits = async (filePath: string) => {
      const [result] = await eslint.lintText(source, { filePath: join(ROOT, filePath) });
      return (result?.messages ?? []).map((m) => m.ruleId);
    };
    expect(await ruleHits('renderer/src/probe.ts')).toEqual([
      'no-restricted-globals',
      'no-restricted-globals',
    ]);
    expect(await ruleHits('preload/shared/probe.ts')).toEqual([
      'no-restricted-globals',
      'no-restricted-globals',
    ]);
    expect(await ruleHits('main/core/probe.ts')).toEqual([]);
  });
});
