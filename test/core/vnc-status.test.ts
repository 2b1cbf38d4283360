import { describe, expect, it } from 'vitest';
import { parseVncMessage, vncMessageText } from '../../main/core/ehpc/vnc-status';

describe('parseVncMessage', () => {
  it.each([
    ['active (running) since Mon 2024-03-04 10:21:33 CST', 'running'],
    ['  Active (Running) since today', 'running'],
    [{ Msg: 'active (running) since Mon 2024-03-04 10:21:33 CST' }, 'running'],
    ['inactive (dead) , ws service is not running.', 'stopped'],
    [{ Msg: 'inactive (dead) , ws service is not running.' }, 'stopped'],
    ['dead', 'stopped'],
    ['ws service is not running.', 'stopped'],
  ] as const)('reads %j as %s', (message, state) => {
    expect(parseVncMessage(message)).toBe(state);
  });

  it.each([
    ['activating (start)'],
    ['failed (Result: exit-code)'],
    ['Service started.'],
    ['the service is active (running)'], // not at the start: no guess
    [''],
    [null],
    [undefined],
    [42],
    [{ msg: 'active (running)' }],
    [{ Msg: 7 }],
    [['active (running)']],
  ])('reads %j as unknown, never a guess', (message) => {
    expect(parseVncMessage(message)).toBe('unknown');
  });
});

describe('vncMessageText', () => {
  it('takes a string or {Msg} and nothing else', () => {
    expect(vncMessageText('x')).toBe('x');
    expect(vncMessageText({ Msg: 'y' })).toBe('y');
    expect(vncMessageText({ Other: 'z' })).toBe('');
    expect(vncMessageText(undefined)).toBe('');
  });
});
