// The least-privilege RAM policy is written out twice for people: the one the sign-in screen
// copies (renderer/src/regions.ts) and the one in the README. They must grant the same actions,
// and each read beyond the VNC actions must say why it is asked for, in the README and in
// docs/SECURITY.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RAM_POLICY } from '../../renderer/src/regions';

interface Policy {
  Statement: { Action: string[] }[];
}

const actionsOf = (policy: Policy) => policy.Statement.flatMap((s) => s.Action).sort();

describe('the least-privilege RAM policy', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('is the same in the README as on the sign-in screen', () => {
    const block = /```json\n(\{\n {2}"Version": "1",[\s\S]*?\n\})\n```/.exec(readme)?.[1];
    expect(block, 'the README has no RAM policy block').toBeDefined();
    const fromReadme = actionsOf(JSON.parse(block ?? '{}') as Policy);
    expect(fromReadme).toEqual(actionsOf(JSON.parse(RAM_POLICY) as Policy));
    expect(fromReadme).toContain('ehpc:ListNodes');
  });

  it('says why Connect needs ehpc:ListNodes, in the README and docs/SECURITY.md', () => {
    expect(readme).toMatch(/`ehpc:ListNodes`\s+\(read only\) finds the login node's address/);
    const security = readFileSync('docs/SECURITY.md', 'utf8');
    expect(security).toMatch(/Connect needs `ehpc:ListNodes` \(read only: the login node's/);
  });
});
