// Fetches every page of a paged E-HPC list in as few round trips as the server allows: page 1
// (plus, when the caller knows roughly how many items to expect, the pages that would take)
// in the first wave, then every page the real TotalCount adds, all through one bounded pool.
import { createLimiter } from './limiter';

export interface Page<T> {
  items: T[];
  totalCount?: number;
  requestId?: string;
}

export interface PagingOptions {
  pageSize: number;
  concurrency: number;
  /** Items the caller expects (e.g. the cached list's length): its pages go out with page 1. */
  expectedTotal?: number;
  /** Safety stop for a server that keeps saying "more". */
  maxPages?: number;
}

export interface AllPages<T> {
  /** Pages 1..n in order. */
  pages: Page<T>[];
  totalCount?: number;
}

const DEFAULT_MAX_PAGES = 1000;
const noop = (): void => undefined;

export async function fetchAllPages<T>(
  fetchPage: (pageNumber: number) => Promise<Page<T>>,
  opts: PagingOptions,
): Promise<AllPages<T>> {
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  const limit = createLimiter(opts.concurrency);
  const started = new Map<number, Promise<Page<T>>>();
  const request = (n: number): Promise<Page<T>> => {
    let p = started.get(n);
    if (!p) {
      p = limit(() => fetchPage(n));
      // A speculative page may turn out to be unneeded; its failure must not go unhandled.
      p.catch(noop);
      started.set(n, p);
    }
    return p;
  };
  const pagesFor = (total: number): number =>
    Math.min(maxPages, Math.max(1, Math.ceil(total / opts.pageSize)));

  const speculative = opts.expectedTotal !== undefined ? pagesFor(opts.expectedTotal) : 1;
  for (let n = 1; n <= speculative; n++) void request(n);
  const first = await request(1);

  if (typeof first.totalCount === 'number' && Number.isFinite(first.totalCount)) {
    const last = pagesFor(first.totalCount);
    const numbers = Array.from({ length: last }, (_, i) => i + 1);
    const pages = await Promise.all(numbers.map(request));
    // Speculative pages past the real end went out in the same wave, so they are about done:
    // let them settle rather than leave requests in flight after the list is returned.
    await Promise.allSettled([...started].filter(([n]) => n > last).map(([, p]) => p));
    return { pages, totalCount: first.totalCount };
  }

  // No TotalCount: walk pages one by one until a short one.
  const pages = [first];
  let page = first;
  while (page.items.length >= opts.pageSize && pages.length < maxPages) {
    page = await request(pages.length + 1);
    pages.push(page);
  }
  return { pages };
}
