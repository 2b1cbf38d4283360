// The SDK's one HTTP door, with a hook on it for the duration of our own calls.
//
// @alicloud/openapi-client sends every request through @alicloud/tea-typescript's `doAction`,
// which calls `httpx.request(url, options)`. Neither lets a caller give an agent (the Config's
// httpProxy/httpsProxy/noProxy fields are copied into the runtime options and then ignored), and
// a body that is not JSON is parsed before its status is looked at, so the SDK throws a bare
// SyntaxError that has lost the HTTP status. The only place to act is `httpx.request` itself.
//
// The hook is scoped: a call made inside `withCallScope(scope, fn)` gets the scope's agent and
// records the status of each answer in it; anything else (another library using httpx, a call
// outside a scope) passes through untouched. AsyncLocalStorage carries the scope through the
// SDK's awaits, so concurrent calls never see each other's scope.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Agent, IncomingMessage } from 'node:http';

export interface CallScope {
  /** The agent for a request URL, or undefined for httpx's own. */
  agentFor(url: string): Promise<Agent | undefined>;
  /** The HTTP status of the last answer received in this scope. */
  lastStatus?: number;
}

type HttpxRequest = (url: string, options?: Record<string, unknown>) => Promise<IncomingMessage>;
interface HttpxModule {
  request: HttpxRequest;
}

const scopes = new AsyncLocalStorage<CallScope>();
let installed: Promise<void> | undefined;

async function install(): Promise<void> {
  const imported = (await import('httpx')) as unknown as HttpxModule & { default?: HttpxModule };
  // CommonJS: Node's ESM loader and esbuild both give module.exports as `default`, and that
  // object (not the namespace copy) is what tea-typescript's `httpx.request` reads.
  const httpx = imported.default ?? imported;
  const original = httpx.request;
  httpx.request = async (url, options = {}) => {
    const scope = scopes.getStore();
    if (!scope) return original(url, options);
    const agent = await scope.agentFor(String(url));
    const response = await original(url, agent ? { ...options, agent } : options);
    scope.lastStatus = response.statusCode;
    return response;
  };
}

/** Installs the hook once per process; call before the SDK's first request. */
export function installSdkHttpHook(): Promise<void> {
  installed ??= install();
  return installed;
}

/** Runs `fn` (one SDK call) with `scope` applied to every HTTP request it makes. */
export function withCallScope<T>(scope: CallScope, fn: () => Promise<T>): Promise<T> {
  return scopes.run(scope, fn);
}
