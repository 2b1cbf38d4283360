// The GitHub workflow, read as data: signing secrets reach only the signing step of the
// tag-only release job in a protected environment; every job asks for its own least
// permissions; every third-party action is pinned to a commit; CI runs on Node 22 LTS.
// Nothing here runs GitHub: the rules are about what the file allows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const TAG_ONLY = "startsWith(github.ref, 'refs/tags/v')";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  env?: Record<string, unknown>;
  uses?: string;
  secrets?: unknown;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const texts = Object.fromEntries(
  files.map((f) => [f, readFileSync(path.join(WORKFLOWS, f), 'utf8')]),
);
const workflows = Object.fromEntries(
  Object.entries(texts).map(([f, text]) => [f, parse(text) as Workflow]),
);
const ci = workflows['ci.yml'] as Workflow;

/** Every string in `value` with where it sits, as a path of keys. */
function strings(
  value: unknown,
  at: (string | number)[] = [],
): { at: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...at, k]));
  }
  return [];
}

const writes = (permissions: Job['permissions']): string[] =>
  typeof permissions === 'string'
    ? permissions.includes('write')
      ? [permissions]
      : []
    : Object.entries(permissions ?? {})
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope);

describe('the CI workflow', () => {
  it('runs on every push and pull request, and releases on v* tags only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toEqual({ branches: ['**'], tags: ['v*'] });
    for (const workflow of Object.values(workflows)) {
      // These run with the base repository's secrets on code from forks.
      expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
      expect(Object.keys(workflow.on)).not.toContain('workflow_run');
    }
  });

  it('hands signing secrets only to the signing step of the tag-only release job', () => {
    for (const [file, workflow] of Object.entries(workflows)) {
      const uses = strings(workflow).filter(({ text }) => /\bsecrets\s*\./.test(text));
      for (const { at } of uses) {
        const where = `${file}: ${at.join('.')}`;
        // jobs.<job>.steps.<i>.env.<NAME>: step-level env, nowhere else.
        expect(at.slice(0, 1), where).toEqual(['jobs']);
        expect([at[2], at[4]], where).toEqual(['steps', 'env']);
        expect(at, where).toHaveLength(6);
        const job = workflow.jobs[at[1] as string] as Job;
        expect(job.if, where).toContain(TAG_ONLY);
        expect(job.environment, where).toBe('release');
        const step = job.steps?.[at[3] as number] as Step;
        expect(step.run, where).toMatch(/^npx electron-builder .*--publish never$/);
        // The signing job builds; the tests run in another job.
        expect(JSON.stringify(job.steps), where).not.toMatch(/vitest|npm test|test:unit/);
      }
      expect(JSON.stringify(workflow), file).not.toMatch(/"secrets":"inherit"/);
    }
    // And there is such a step: the release is signed when the secrets are set.
    const release = ci.jobs.release as Job;
    expect(strings(release).some(({ text }) => text.includes('secrets.CSC_LINK'))).toBe(true);
  });

  it('gives each job its own least permissions; only publishing the release writes', () => {
    for (const [file, workflow] of Object.entries(workflows)) {
      expect(workflow.permissions, file).toBeDefined();
      expect(writes(workflow.permissions), file).toEqual([]);
      for (const [name, job] of Object.entries(workflow.jobs)) {
        expect(job.permissions, `${file}: ${name}`).toBeDefined();
        const publishes = (job.steps ?? []).some((s) => /\bgh release create\b/.test(s.run ?? ''));
        expect(writes(job.permissions), `${file}: ${name}`).toEqual(publishes ? ['contents'] : []);
        if (publishes) expect(job.if, name).toContain(TAG_ONLY);
      }
    }
  });

  it('pins every third-party action to a full commit SHA, with its version beside it', () => {
    let pinned = 0;
    for (const [file, text] of Object.entries(texts)) {
      for (const line of text.split('\n')) {
        const match = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!match || match[1]?.startsWith('./')) continue;
        const [, ref = '', rest = ''] = match;
        expect(ref, `${file}: ${line.trim()}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(rest, `${file}: ${line.trim()}`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
        pinned++;
      }
      // The parsed file agrees with the lines read (no `uses:` in an odd shape slipped by).
      const parsed = strings(workflows[file]).filter(
        ({ at, text }) => at.at(-1) === 'uses' && !text.startsWith('./'),
      );
      expect(
        parsed.every(({ text }) => /@[0-9a-f]{40}$/.test(text)),
        file,
      ).toBe(true);
    }
    expect(pinned).toBeGreaterThan(0);
  });

  it('tests on every push, and builds the release only after the tests passed', () => {
    const test = ci.jobs.test as Job;
    expect(test.if).toBeUndefined();
    expect(JSON.stringify(test.steps)).toMatch(/vitest run/);
    expect(ci.jobs.release?.needs).toBe('test');
    expect(ci.jobs.publish?.needs).toBe('release');
  });

  it('packs the built CLI as an npm tarball in the release, and publishes it with the installers', () => {
    const steps = ci.jobs.release?.steps ?? [];
    const build = steps.findIndex((s) => s.run === 'npm run build');
    const pack = steps.findIndex((s) =>
      /^npm pack \.\/dist\/cli --pack-destination release$/.test(s.run ?? ''),
    );
    expect(build).toBeGreaterThanOrEqual(0);
    expect(pack).toBeGreaterThan(build);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path)).toContain('release/ehpc-vnc-*.tgz');
    const publish = ci.jobs.publish?.steps ?? [];
    expect(
      publish.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with,
    ).toMatchObject({
      path: 'installers',
      'merge-multiple': true,
    });
    expect(publish.some((s) => /gh release create .* installers\/\*/.test(s.run ?? ''))).toBe(true);
  });

  it('runs Node 22 LTS, and installs without running install scripts', () => {
    const steps = Object.values(workflows).flatMap((w) =>
      Object.values(w.jobs).flatMap((j) => j.steps ?? []),
    );
    const setups = steps.filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThan(0);
    for (const s of setups) expect(String(s.with?.['node-version'])).toBe('22');
    const installs = steps.filter((s) => /\bnpm (ci|install)\b/.test(s.run ?? ''));
    expect(installs.length).toBeGreaterThan(0);
    for (const s of installs) expect(s.run).toMatch(/^npm ci --ignore-scripts$/);
  });
});
