// "Detect my address" over real HTTP to a loopback stand-in: no URL set → nothing is asked; a URL
// that is not https (a settings file edited by hand, past the IPC check) → nothing is asked; a
// redirect, an HTML page, an oversized or malformed answer → refused; one public address → /32.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { detectAddress, type FetchLike } from '../../main/core/address-detection';
import { AppError } from '../../main/core/app-error';
import { startAppFixture } from '../support/app-fixture';

let server: Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((done) => s.close(() => done()));
});

/** A loopback address service whose answers the test sets; it counts the requests it gets. */
async function service(
  answer: (path: string) => { status?: number; headers?: Record<string, string>; body: string },
): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const s = createServer((req, res) => {
    hits++;
    const a = answer(req.url ?? '/');
    res.writeHead(a.status ?? 200, { 'content-type': 'text/plain', ...a.headers }).end(a.body);
  });
  server = s;
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', () => done()));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, hits: () => hits };
}

/** The error's code/variant, failing when the call succeeds. */
async function failure(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  return `${e.code}/${e.variant ?? ''}`;
}

/** fetch that records being called (it must not be, for a refused URL). */
function recordingFetch(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (url, init) => {
      calls.push(url);
      return fetch(url, init);
    },
  };
}

describe('Detect my address', () => {
  it('asks nothing when no URL is set, or when the URL is not https', async () => {
    const f = recordingFetch();
    expect(await failure(detectAddress({ url: () => '', fetch: f.fetch }))).toBe(
      'AddressDetection/notConfigured',
    );
    expect(await failure(detectAddress({ url: () => '  ', fetch: f.fetch }))).toBe(
      'AddressDetection/notConfigured',
    );
    for (const url of [
      'http://ip.example.com/',
      'ftp://ip.example.com/',
      'https://user:pw@ip.example.com/',
      'file:///etc/hosts',
    ]) {
      expect(await failure(detectAddress({ url: () => url, fetch: f.fetch })), url).toBe(
        'AddressDetection/insecureUrl',
      );
    }
    expect(f.calls).toEqual([]);
  });

  it('cannot be given a plain-http URL through the window', async () => {
    const fixture = await startAppFixture();
    try {
      const saved = await fixture.handlers.setConnectPrefs({ detectUrl: 'http://ip.example.com/' });
      expect(saved).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
      expect(fixture.service.getConnectPrefs().detectUrl).toBe('');
      const refused = await fixture.handlers.detectAddress({});
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'AddressDetection', message: expect.stringContaining('No address') },
      });
    } finally {
      await fixture.close();
    }
  });

  it('refuses a redirect, an HTML page, a long or malformed answer, and an error status', async () => {
    const answers: Record<
      string,
      { status?: number; headers?: Record<string, string>; body: string }
    > = {
      '/redirect': { status: 302, headers: { location: '/ip' }, body: '' },
      '/html': { headers: { 'content-type': 'text/html' }, body: '198.51.100.23' },
      '/long': { body: `198.51.100.23${' '.repeat(300)}` },
      '/two': { body: '198.51.100.23 198.51.100.24' },
      '/private': { body: '10.0.0.7' },
      '/error': { status: 500, body: '198.51.100.23' },
      '/ip': { body: '198.51.100.23\n' },
    };
    const s = await service((path) => answers[path] ?? { status: 404, body: '' });
    const asked = (path: string) => detectAddress({ url: () => `${s.url}${path}` });
    expect(await failure(asked('/redirect'))).toBe('AddressDetection/unreachable');
    expect(await failure(asked('/html'))).toBe('AddressDetection/badAnswer');
    expect(await failure(asked('/long'))).toBe('AddressDetection/badAnswer');
    expect(await failure(asked('/two'))).toBe('AddressDetection/badAnswer');
    expect(await failure(asked('/private'))).toBe('AddressDetection/notPublic');
    expect(await failure(asked('/error'))).toBe('AddressDetection/unreachable');
    // One request each: the redirect was not followed.
    expect(s.hits()).toBe(6);
    expect(await asked('/ip')).toEqual({
      address: '198.51.100.23',
      cidrIp: '198.51.100.23/32',
      family: 4,
    });
    expect(s.hits()).toBe(7);
  });
});
