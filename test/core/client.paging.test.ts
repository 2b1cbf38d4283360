// fetchAllPages and the limiter with a scripted page source: order, waves, bounds, failures.
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../main/core/ehpc/limiter';
import { dedupeBy } from '../../main/core/ehpc/mappers';
import { fetchAllPages, type Page } from '../../main/core/ehpc/paging';

/** A list of `total` items served `size` per page; each page waits until released by the test. */
function source(total: number, size: number) {
  const asked: number[] = [];
  const pending: { n: number; release: () => void }[] = [];
  let inFlight = 0;
  let peak = 0;
  const fetchPage = async (n: number): Promise<Page<number>> => {
    asked.push(n);
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise<void>((release) => pending.push({ n, release }));
    inFlight--;
    const items = Array.from({ length: total }, (_, i) => i + 1).slice((n - 1) * size, n * size);
    return { items, totalCount: total };
  };
  /** Releases every pending page, repeatedly, until `done` settles. */
  async function drain<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    void done.then(
      () => (finished = true),
      () => (finished = true),
    );
    while (!finished) {
      await new Promise((r) => setImmediate(r));
      pending.splice(0).forEach((p) => p.release());
    }
    return done;
  }
  return { fetchPage, asked, pending, drain, peak: () => peak };
}

describe('fetchAllPages', () => {
  it('asks for page 1 alone, then every other page at once', async () => {
    const s = source(137, 50);
    const run = fetchAllPages(s.fetchPage, { pageSize: 50, concurrency: 20 });
    await new Promise((r) => setImmediate(r));
    expect(s.asked).toEqual([1]);
    s.pending.splice(0).forEach((p) => p.release());
    await new Promise((r) => setImmediate(r));
    expect(s.asked).toEqual([1, 2, 3]);
    const { pages, totalCount } = await s.drain(run);
    expect(totalCount).toBe(137);
    expect(pages.flatMap((p) => p.items)).toEqual(Array.from({ length: 137 }, (_, i) => i + 1));
  });

  it('with expectedTotal, asks for the expected pages in the first wave', async () => {
    const s = source(137, 50);
    const run = fetchAllPages(s.fetchPage, { pageSize: 50, concurrency: 20, expectedTotal: 120 });
    await new Promise((r) => setImmediate(r));
    expect(s.asked).toEqual([1, 2, 3]);
    await s.drain(run);
    expect(s.asked).toEqual([1, 2, 3]);
  });

  it('keeps at most `concurrency` pages in flight, across both waves', async () => {
    const s = source(1000, 10);
    const run = fetchAllPages(s.fetchPage, { pageSize: 10, concurrency: 4, expectedTotal: 300 });
    const { pages } = await s.drain(run);
    expect(pages).toHaveLength(100);
    expect(s.peak()).toBe(4);
    expect([...s.asked].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  it('ignores a failing speculative page past the real end', async () => {
    const fetchPage = async (n: number): Promise<Page<number>> => {
      if (n > 1) throw new Error(`page ${n} should not matter`);
      return { items: [1, 2, 3], totalCount: 3 };
    };
    const { pages } = await fetchAllPages(fetchPage, {
      pageSize: 50,
      concurrency: 5,
      expectedTotal: 400,
    });
    expect(pages.flatMap((p) => p.items)).toEqual([1, 2, 3]);
  });

  it('fails when a needed page fails', async () => {
    const fetchPage = async (n: number): Promise<Page<number>> => {
      if (n === 2) throw new Error('page 2 broke');
      return { items: [n], totalCount: 150 };
    };
    await expect(fetchAllPages(fetchPage, { pageSize: 50, concurrency: 5 })).rejects.toThrow(
      'page 2 broke',
    );
  });

  it('walks page by page when the server gives no TotalCount, up to maxPages', async () => {
    const asked: number[] = [];
    const fetchPage = async (n: number): Promise<Page<number>> => {
      asked.push(n);
      return { items: n < 3 ? [1, 2] : [1] };
    };
    const { pages, totalCount } = await fetchAllPages(fetchPage, { pageSize: 2, concurrency: 5 });
    expect(asked).toEqual([1, 2, 3]);
    expect(pages).toHaveLength(3);
    expect(totalCount).toBeUndefined();
    const endless = async (): Promise<Page<number>> => ({ items: [1, 2] });
    expect(
      (await fetchAllPages(endless, { pageSize: 2, concurrency: 5, maxPages: 7 })).pages,
    ).toHaveLength(7);
  });
});

describe('createLimiter', () => {
  it('runs tasks in order of arrival, at most n at once, and frees a slot on failure', async () => {
    const limit = createLimiter(2);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const task = (i: number, fail = false) =>
      limit(async () => {
        started.push(i);
        await new Promise<void>((r) => releases.push(r));
        if (fail) throw new Error(`task ${i}`);
        return i;
      });
    const all = [task(1, true), task(2), task(3), task(4)];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([1, 2]);
    releases.shift()?.();
    await expect(all[0]).rejects.toThrow('task 1');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([1, 2, 3]);
    while (releases.length > 0 || started.length < 4) {
      releases.splice(0).forEach((r) => r());
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(all.slice(1))).toEqual([2, 3, 4]);
  });
});

describe('dedupeBy', () => {
  it('keeps the first of each key, in order', () => {
    expect(dedupeBy(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s[0] ?? '')).toEqual(['a1', 'b1', 'c1']);
  });
});
