// The E-HPC emulator in its own process, as a real endpoint would be: its CPU time (signature
// checks, JSON) then runs beside the client's on the second core instead of being counted as the
// client's, and 20 concurrent pages are not answered strictly one after the other by the
// bench's own event loop. The parent drives it over the fork IPC channel.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EmulatorClusterState, SeedCluster } from '../test/emulator';

export interface RemoteEmulatorOptions {
  /**
   * `{ regional: N }`: `regionalClusters(N)` (issue 11's three regions), generated in the child,
   * since a seed of that size in argv would pass Linux's 128 KiB limit for one argument.
   */
  clusters: number | SeedCluster[] | { regional: number };
  latencyMs: number;
}

export type ChildRequest =
  | { id: number; op: 'count'; action?: string }
  | { id: number; op: 'setClusters'; ids: string[]; patch: Partial<EmulatorClusterState> }
  | { id: number; op: 'closeIdleConnections' }
  | { id: number; op: 'close' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type ChildMessage =
  | { kind: 'ready'; url: string; host: string; port: number; regionId: string }
  | { kind: 'reply'; id: number; value?: number; error?: string };

export interface RemoteEmulator {
  url: string;
  host: string;
  port: number;
  regionId: string;
  count(action?: string): Promise<number>;
  setClusters(ids: string[], patch: Partial<EmulatorClusterState>): Promise<void>;
  /** Drops every idle keep-alive connection, and resolves once this process has seen them go. */
  closeIdleConnections(): Promise<void>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./emulator-child.ts', import.meta.url));

export function startRemoteEmulator(opts: RemoteEmulatorOptions): Promise<RemoteEmulator> {
  // execArgv carries tsx's loader, so the child runs TypeScript like this process does.
  const child: ChildProcess = fork(CHILD, [JSON.stringify(opts)], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v?: number) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ask = (req: WithoutId<ChildRequest>): Promise<number | undefined> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...req, id });
    });

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const err = new Error(`emulator process exited (${code ?? 'signal'})`);
      for (const p of pending.values()) p.reject(err);
      reject(err);
    });
    child.on('message', (raw: ChildMessage) => {
      if (raw.kind === 'reply') {
        const p = pending.get(raw.id);
        pending.delete(raw.id);
        if (raw.error) p?.reject(new Error(raw.error));
        else p?.resolve(raw.value);
        return;
      }
      resolve({
        url: raw.url,
        host: raw.host,
        port: raw.port,
        regionId: raw.regionId,
        count: async (action) => (await ask({ op: 'count', action })) ?? 0,
        setClusters: async (ids, patch) => void (await ask({ op: 'setClusters', ids, patch })),
        closeIdleConnections: async () => {
          await ask({ op: 'closeIdleConnections' });
          // The FINs reached this machine's kernel before the reply did; a 20 ms timer fires only
          // after a poll of the event loop, which reads them and empties the client's pool.
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
        close: async () => {
          const exited = new Promise<void>((done) => child.once('exit', () => done()));
          await ask({ op: 'close' });
          await exited;
        },
      });
    });
  });
}
