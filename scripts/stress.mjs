// `npm run test:stress`: the whole Vitest suite (what `npm test` runs after lint, types and the
// build) several times in a row while a CPU hog keeps one core busy, so a test that leans on
// timing fails here rather than on a loaded CI runner. Exits non-zero if any run fails, and
// prints one line per run. The hog and a running suite are killed on the way out, Ctrl-C too.
//   node scripts/stress.mjs [runs=3] [vitest filters…]   (filters: stress some files only)
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 3);
const FILTERS = process.argv.slice(3);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: node scripts/stress.mjs [runs] [vitest filters…]');
  process.exit(2);
}

/** Processes to end on any exit: each leads its own group, so its children go with it. */
const owned = new Set();
function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
function cleanUp() {
  for (const child of owned) killGroup(child);
  owned.clear();
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nstress: ${signal}, stopping`);
    cleanUp();
    process.exit(130);
  });
}

function start(command, args, opts = {}) {
  const child = spawn(command, args, { cwd: ROOT, detached: true, ...opts });
  owned.add(child);
  child.on('exit', () => owned.delete(child));
  return child;
}

/** One full suite run; resolves to its exit code and the reporter's closing "Tests:" line. */
function runSuite() {
  return new Promise((resolve) => {
    const child = start('bash', ['test/with-keyring.sh', 'npx', 'vitest', 'run', ...FILTERS], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code, signal) => {
      const summary = [...tail.matchAll(/^Tests: .*$/gm)].pop()?.[0] ?? 'Tests: no summary';
      resolve({ code: code ?? (signal ? 1 : 0), summary });
    });
  });
}

// What `npm test` prepares: keytar built for Node, the app built (the UI tests serve it).
for (const [command, args] of [
  [process.execPath, ['scripts/native.mjs', 'node']],
  [process.execPath, ['scripts/build.mjs']],
]) {
  const prepared = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}

// One core kept busy for the whole stress run. It spins in slices and checks its parent between
// them, so it ends by itself even if this script is killed outright.
const SPIN = `const parent = process.ppid;
for (;;) {
  const until = Date.now() + 200;
  while (Date.now() < until);
  try { process.kill(parent, 0); } catch { process.exit(0); }
}`;
const hog = start(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
const what = FILTERS.length ? FILTERS.join(' ') : 'the whole suite';
console.log(`stress: CPU hog running (pid ${hog.pid}); ${RUNS} runs of ${what}`);

const results = [];
for (let run = 1; run <= RUNS; run++) {
  const began = Date.now();
  const { code, summary } = await runSuite();
  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  results.push({ run, code, summary, seconds });
  console.log(`\nstress: run ${run}/${RUNS} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
}
cleanUp();

console.log('\nstress summary (one core busy):');
for (const r of results) {
  console.log(
    `  run ${r.run}: ${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.summary} (${r.seconds} s)`,
  );
}
const failed = results.filter((r) => r.code !== 0).length;
console.log(
  failed ? `stress: ${failed} of ${RUNS} runs failed` : `stress: all ${RUNS} runs passed`,
);
process.exit(failed ? 1 : 0);
