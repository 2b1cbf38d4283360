// The CLI's opener (`connect --open`) on Linux, with stand-ins for xdg-utils on PATH that record
// every call: only exactly vnc://<ip>:12016 ever reaches a program; anything else is refused
// before any program runs, not even the question whether a viewer is registered.
import { existsSync, watch } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemOpener } from '../../main/cli/system-opener';

let bin = '';
let savedPath: string | undefined;

beforeEach(async () => {
  bin = await mkdtemp(join(tmpdir(), 'ehpc-vnc-system-opener-'));
  // A registered viewer, and an opener that records what it was given; both log that they ran.
  await writeFile(
    join(bin, 'xdg-mime'),
    `#!/bin/sh\necho "$*" >> '${join(bin, 'asked.txt')}'\necho tigervnc.desktop\n`,
    { mode: 0o755 },
  );
  await writeFile(
    join(bin, 'xdg-open'),
    // Written aside, then renamed: the file appears whole.
    `#!/bin/sh\nprintf '%s' "$1" > '${join(bin, 'tmp')}'\nmv '${join(bin, 'tmp')}' '${join(bin, 'opened.txt')}'\n`,
    { mode: 0o755 },
  );
  savedPath = process.env.PATH;
  // The stand-ins first; the system after them for `mv`.
  process.env.PATH = `${bin}:${savedPath ?? ''}`;
});

afterEach(async () => {
  process.env.PATH = savedPath;
  await rm(bin, { recursive: true, force: true });
});

/** Resolves once `file` exists (xdg-open runs detached: open() may return before it writes). */
function fileAppears(file: string): Promise<void> {
  return new Promise((done) => {
    const watcher = watch(bin, () => {
      if (existsSync(file)) {
        watcher.close();
        done();
      }
    });
    if (existsSync(file)) {
      watcher.close();
      done();
    }
  });
}

describe.runIf(process.platform === 'linux')('the CLI system opener', () => {
  it('refuses anything but vnc://<ip>:12016 before running any program', async () => {
    const opener = systemOpener('linux');
    for (const url of [
      'https://example.com',
      'file:///etc/passwd',
      'vnc://u:p@203.0.113.7:12016',
      'vnc://203.0.113.7:5900',
      'vnc://203.0.113.7:12016?x=1',
      'vnc://login0:12016',
      '--help',
      'vnc://203.0.113.7:12016 --via evil',
    ]) {
      expect(await opener.open(url), url).toBe(false);
    }
    expect(existsSync(join(bin, 'asked.txt'))).toBe(false);
    expect(existsSync(join(bin, 'opened.txt'))).toBe(false);
  });

  it('opens exactly the URL it was given when a viewer is registered', async () => {
    expect(await systemOpener('linux').open('vnc://[2001:db8::7]:12016')).toBe(true);
    await fileAppears(join(bin, 'opened.txt'));
    expect(await readFile(join(bin, 'opened.txt'), 'utf8')).toBe('vnc://[2001:db8::7]:12016');
    expect(await readFile(join(bin, 'asked.txt'), 'utf8')).toBe(
      'query default x-scheme-handler/vnc\n',
    );
  });
});
