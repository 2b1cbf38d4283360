import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../main/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/security';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'ehpc-shell-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'a b.css'), 'body{}');
  // Next to the root, with a name that starts like it: must stay out of reach.
  await mkdir(path.join(base, 'renderer-secrets'));
  await writeFile(path.join(base, 'renderer-secrets', 'key.txt'), 'secret');
  await writeFile(path.join(base, 'outside.txt'), 'outside');
  // Links inside the root, to outside it and to a file of its own; and a link *to* the root.
  const dirLink = process.platform === 'win32' ? 'junction' : 'dir';
  await symlink(path.join(base, 'outside.txt'), path.join(root, 'escape.txt'), 'file');
  await symlink(path.join(base, 'renderer-secrets'), path.join(root, 'linked'), dirLink);
  await symlink(path.join(root, 'index.html'), path.join(root, 'assets', 'alias.html'), 'file');
  await symlink(root, path.join(base, 'root-link'), dirLink);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps app://bundle paths into the root, / to index.html', () => {
    expect(resolveAppPath(root, 'app://bundle/')).toEqual({
      ok: true,
      file: path.join(root, 'index.html'),
    });
    expect(resolveAppPath(root, 'app://bundle/assets/main.js?v=1#x')).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'main.js'),
    });
    expect(resolveAppPath(root, 'app://bundle/assets/a%20b.css')).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'a b.css'),
    });
  });

  it('never resolves outside the root, however traversal is spelled', () => {
    const attempts = [
      'app://bundle/../../outside.txt',
      'app://bundle/%2e%2e/outside.txt',
      'app://bundle/%2E%2E%2Foutside.txt',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2foutside.txt',
      'app://bundle/..%2f..%2foutside.txt',
      'app://bundle/%2e%2e%2frenderer-secrets/key.txt',
      'app://bundle/..%5coutside.txt',
      'app://bundle/assets%5c..%5c..%5coutside.txt',
      'app://bundle/index.html%00.png',
      `app://bundle/${encodeURIComponent(path.join(base, 'outside.txt'))}`,
    ];
    for (const url of attempts) {
      const r = resolveAppPath(root, url);
      if (r.ok) expect(r.file.startsWith(root + path.sep), url).toBe(true);
    }
  });

  it('refuses decoded separators that climb out (403), rather than folding them', () => {
    for (const url of [
      'app://bundle/..%2f..%2foutside.txt',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2foutside.txt',
      'app://bundle/%2e%2e%2frenderer-secrets/key.txt',
      'app://bundle/..%5coutside.txt',
      'app://bundle/index.html%00.png',
    ]) {
      expect(resolveAppPath(root, url), url).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses other hosts and schemes, and malformed escapes', () => {
    expect(resolveAppPath(root, 'app://other/index.html')).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath(root, 'app://bundle/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });

  it('names content types the page needs', () => {
    expect(contentTypeFor('x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x/main.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x/blob')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const refused: string[] = [];
  const handle = () =>
    createAppProtocolHandler({ root, onRefused: (_url, reason) => refused.push(reason) });

  it('serves files with the CSP and nosniff headers', async () => {
    const res = await handle()(new Request('app://bundle/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>app</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 403 for traversal and 404 for missing files and folders, with the CSP too', async () => {
    const traversal = await handle()(new Request('app://bundle/..%2f..%2foutside.txt'));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).toBe('');
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handle()(new Request('app://bundle/missing.js'))).status).toBe(404);
    expect((await handle()(new Request('app://bundle/assets'))).status).toBe(404);
    expect(refused).toContain('outside the app folder');
    // URL parsing folds plain `..` into the root, where there is no such file.
    expect((await handle()(new Request('app://bundle/%2e%2e/outside.txt'))).status).toBe(404);
    expect((await handle()(new Request('app://bundle/../renderer-secrets/key.txt'))).status).toBe(
      404,
    );
  });

  it('follows no symbolic link inside the root (403), wherever it points', async () => {
    for (const url of [
      'app://bundle/escape.txt',
      'app://bundle/linked/key.txt',
      'app://bundle/assets/alias.html',
    ]) {
      const res = await handle()(new Request(url));
      expect(res.status, url).toBe(403);
      expect(await res.text(), url).toBe('');
    }
    expect(refused).toContain('symbolic link');
  });

  it('serves a root that is itself reached through a link', async () => {
    const viaLink = createAppProtocolHandler({ root: path.join(base, 'root-link') });
    const res = await viaLink(new Request('app://bundle/assets/main.js'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect((await viaLink(new Request('app://bundle/escape.txt'))).status).toBe(403);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handle()(
      new Request('app://bundle/index.html', { method: 'POST', body: 'x' }),
    );
    expect(res.status).toBe(405);
    const head = await handle()(new Request('app://bundle/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
