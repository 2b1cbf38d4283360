// The app:// protocol: serves the built renderer (dist/renderer) and nothing else. Plain Node
// (fetch's Request/Response), so it is tested without Electron; the shell hands it to
// `protocol.handle`.
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export type Resolution =
  { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// URL to a file under `root`. Refuses other schemes and hosts, encoded or plain
 * `..`, absolute paths in disguise, NUL bytes and backslashes: the result is always inside root.
 */
export function resolveAppPath(root: string, requestUrl: string): Resolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: 'unknown origin' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { ok: false, status: 403, reason: 'forbidden character in path' };
  }
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) {
    return { ok: false, status: 403, reason: 'outside the app folder' };
  }
  return { ok: true, file };
}

/**
 * The first symbolic link on the way from `root` down to `file` (root itself and the folders
 * above it may be links: only what is inside counts), or undefined. The renderer's build holds
 * no links, so one there was put there to reach something else: it is never followed.
 */
export async function symlinkInside(root: string, file: string): Promise<string | undefined> {
  const base = path.resolve(root);
  let current = base;
  for (const part of path.relative(base, file).split(path.sep)) {
    current = path.join(current, part);
    try {
      if ((await lstat(current)).isSymbolicLink()) return current;
    } catch {
      return undefined; // missing: reading it answers 404
    }
  }
  return undefined;
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

function refusal(status: number, statusText: string): Response {
  return new Response(null, { status, statusText, headers: securityHeaders() });
}

export interface AppProtocolOptions {
  /** The folder of the built renderer. */
  root: string;
  /** Told about refused requests (never their bodies: GET requests have none anyway). */
  onRefused?: (url: string, reason: string) => void;
}

/** The handler `protocol.handle('app', …)` gets: GET and HEAD of files under root only. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      options.onRefused?.(request.url, `method ${request.method}`);
      return refusal(405, 'Method Not Allowed');
    }
    const resolved = resolveAppPath(options.root, request.url);
    if (!resolved.ok) {
      options.onRefused?.(request.url, resolved.reason);
      return refusal(resolved.status, resolved.reason);
    }
    if (await symlinkInside(options.root, resolved.file)) {
      options.onRefused?.(request.url, 'symbolic link');
      return refusal(403, 'symbolic link');
    }
    let body: Buffer;
    try {
      body = await readFile(resolved.file);
    } catch {
      return refusal(404, 'Not Found');
    }
    const headers = { ...securityHeaders(), 'Content-Type': contentTypeFor(resolved.file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}
