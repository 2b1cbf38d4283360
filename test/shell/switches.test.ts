import { describe, expect, it } from 'vitest';
import {
  hasAction,
  launchData,
  parseSwitches,
  switchesFromSecondInstance,
} from '../../main/shell/switches';

describe('parseSwitches', () => {
  it('reads --stop <id> and --stop=<id>', () => {
    expect(parseSwitches(['--stop', 'ehpc-hz-000001'])).toEqual({ stop: 'ehpc-hz-000001' });
    expect(parseSwitches(['--stop=ehpc-hz-000002'])).toEqual({ stop: 'ehpc-hz-000002' });
  });

  it('reads --stop-all and --show, among Electron and Chromium arguments', () => {
    const argv = [
      '/opt/app/electron',
      '.',
      '--original-process-start-time=1',
      '--stop-all',
      '--show',
    ];
    expect(parseSwitches(argv)).toEqual({ stopAll: true, show: true });
  });

  it('refuses a malformed cluster ID and a missing value', () => {
    expect(parseSwitches(['--stop', 'ehpc;rm -rf ~'])).toEqual({ invalid: ['--stop'] });
    expect(parseSwitches(['--stop=../../etc'])).toEqual({ invalid: ['--stop'] });
    expect(parseSwitches(['--stop'])).toEqual({ invalid: ['--stop'] });
    expect(parseSwitches(['--stop='])).toEqual({ invalid: ['--stop'] });
  });

  it('does not swallow the next switch as a cluster ID', () => {
    expect(parseSwitches(['--stop', '--show'])).toEqual({ show: true, invalid: ['--stop'] });
  });

  it('ignores everything else, including look-alikes', () => {
    expect(parseSwitches(['--stopper', 'x', '--show-all', 'stop'])).toEqual({});
  });

  it('says whether there is anything to do', () => {
    expect(hasAction({})).toBe(false);
    expect(hasAction({ invalid: ['--stop'] })).toBe(false);
    expect(hasAction({ show: true })).toBe(true);
    expect(hasAction({ stop: 'c1' })).toBe(true);
  });
});

describe('second-instance switches', () => {
  it('prefers the argv the second launch handed over', () => {
    const data = launchData(['/usr/bin/electron', '--stop', 'ehpc-hz-000003']);
    expect(data).toEqual({ argv: ['--stop', 'ehpc-hz-000003'] });
    // Chromium's own reordering of the reported argv does not matter then.
    expect(switchesFromSecondInstance(['--stop-all'], data)).toEqual({ stop: 'ehpc-hz-000003' });
  });

  it('falls back to the reported argv when the data is malformed', () => {
    const argv = ['/usr/bin/electron', '--show'];
    expect(switchesFromSecondInstance(argv, undefined)).toEqual({ show: true });
    expect(switchesFromSecondInstance(argv, { argv: [1, 2] })).toEqual({ show: true });
    expect(switchesFromSecondInstance(argv, { argv: 'x'.repeat(10) })).toEqual({ show: true });
    expect(switchesFromSecondInstance(argv, { argv: Array(65).fill('--stop-all') })).toEqual({
      show: true,
    });
  });
});
