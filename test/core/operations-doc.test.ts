// docs/ARCHITECTURE.md's operations table is generated from the contract: a doc that does not
// match it (an operation added, a request key renamed) fails here until the script is re-run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operations } from '../../preload/shared/contract';
import { DOC, renderDoc } from '../../scripts/operations-doc';

describe('docs/ARCHITECTURE.md operations table', () => {
  it('is what scripts/operations-doc.ts generates from the contract', async () => {
    const current = readFileSync(DOC, 'utf8');
    expect(current, 'stale: run npx tsx scripts/operations-doc.ts').toBe(await renderDoc(current));
  });

  it('names every operation', () => {
    const current = readFileSync(DOC, 'utf8');
    for (const op of operations) expect(current).toMatch(new RegExp(`^\\| ${op} +\\|`, 'm'));
  });
});
