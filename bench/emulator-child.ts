// The child side of emulator-process.ts: starts the emulator and answers the parent's requests.
import { regionalClusters, startEmulator, type Emulator } from '../test/emulator';
import type { ChildMessage, ChildRequest, RemoteEmulatorOptions } from './emulator-process';

const send = (message: ChildMessage): void => void process.send?.(message);

const opts = JSON.parse(process.argv[2] ?? '{}') as RemoteEmulatorOptions;
const emulator: Emulator = await startEmulator({
  clusters:
    typeof opts.clusters === 'object' && 'regional' in opts.clusters
      ? regionalClusters(opts.clusters.regional)
      : opts.clusters,
  latencyMs: opts.latencyMs,
});
// Recorded requests keep bodies and headers; the bench only ever needs counts.
const counts = new Map<string, number>();
let total = 0;
const countOf = (action?: string): number =>
  action === undefined ? total : (counts.get(action) ?? 0);
const trim = (): void => {
  for (const r of emulator.requests.splice(0)) {
    counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
    total++;
  }
};

process.on('message', (req: ChildRequest) => {
  void (async () => {
    try {
      if (req.op === 'count') {
        trim();
        send({ kind: 'reply', id: req.id, value: countOf(req.action) });
      } else if (req.op === 'setClusters') {
        for (const id of req.ids) emulator.setCluster(id, req.patch);
        send({ kind: 'reply', id: req.id });
      } else if (req.op === 'closeIdleConnections') {
        await emulator.closeIdleConnections();
        send({ kind: 'reply', id: req.id });
      } else {
        await emulator.close();
        send({ kind: 'reply', id: req.id });
        process.exit(0);
      }
    } catch (err) {
      send({ kind: 'reply', id: req.id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
// A parent that dies must not leave an emulator behind.
process.on('disconnect', () => void emulator.close().finally(() => process.exit(0)));
send({
  kind: 'ready',
  url: emulator.url,
  host: emulator.host,
  port: emulator.port,
  regionId: emulator.regionId,
});
