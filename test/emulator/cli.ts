// `npm run emulator -- [--port 18080] [--clusters N] [--latency MS] [--region cn-hangzhou]
// [--elsewhere]`: runs the emulator in the foreground for trying the app or the CLI by hand.
// `--elsewhere` seeds VNC opened elsewhere in two regions (seed-data.ts `elsewhereClusters`), the
// issue-11 case: `ehpc-vnc stop --all` then `status --all --exit-code` by hand.
import { parseArgs } from 'node:util';
import { EMULATOR_KEY, elsewhereClusters, startEmulator } from './index';

function positiveInt(name: string, raw: string | undefined, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      clusters: { type: 'string' },
      latency: { type: 'string' },
      region: { type: 'string' },
      elsewhere: { type: 'boolean' },
    },
  });
  const emu = await startEmulator({
    port: positiveInt('port', values.port, 18080),
    clusters: values.elsewhere ? elsewhereClusters() : positiveInt('clusters', values.clusters),
    latencyMs: positiveInt('latency', values.latency, 0),
    regionId: values.region,
    // Action and outcome only: parameters may hold passwords.
    onSettled: (r) =>
      console.log(
        `${r.method} ${r.action || '(no action)'} -> ${r.status || 'no answer'} ${r.code ?? ''}`,
      ),
  });
  // These are the emulator's own fake test credentials, so printing them is safe.
  console.log(`E-HPC emulator (API 2018-04-12, region ${emu.regionId}) listening on ${emu.url}`);
  console.log(`  AccessKey ID:     ${EMULATOR_KEY.accessKeyId}`);
  console.log(`  AccessKey secret: ${EMULATOR_KEY.accessKeySecret}`);
  console.log(
    '  Cluster users: root / emu-root-pass-1, alice / emu-alice-pass-1, bob / emu-bob-pass-1',
  );
  console.log('Point the app or the CLI at it with:');
  console.log(`  EHPC_VNC_ENDPOINT=${emu.url}`);
  console.log('Ctrl-C to stop.');

  const stop = (): void => {
    void emu.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
