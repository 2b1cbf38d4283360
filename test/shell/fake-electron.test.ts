// The Electron stand-in must behave as Electron does wherever the shell could get it wrong, or
// the shell tests prove nothing: IPC clones, one handler per channel, the quit order, and
// destroyed windows.
import { describe, expect, it } from 'vitest';
import * as fake from './fake-electron';

const event = {};

describe('the Electron stand-in', () => {
  it('clones IPC payloads and answers, refusing what structured clone refuses', async () => {
    const ipc = new fake.FakeIpcMain();
    class Point {
      constructor(readonly x: number) {}
      norm(): number {
        return Math.abs(this.x);
      }
    }
    let received: unknown;
    ipc.handle('echo', (_e, payload) => {
      received = payload;
      return payload;
    });
    const sent = { nested: { list: [1, 2] }, point: new Point(3) };
    const answer = (await ipc.invoke('echo', event, sent)) as typeof sent;
    expect(received).toEqual({ nested: { list: [1, 2] }, point: { x: 3 } });
    expect(received).not.toBe(sent);
    expect(Object.getPrototypeOf((received as typeof sent).point)).toBe(Object.prototype);
    expect(answer).not.toBe(received);

    await expect(ipc.invoke('echo', event, { run: () => 1 })).rejects.toThrow(
      'An object could not be cloned.',
    );
    await expect(ipc.invoke('echo', event, Symbol('s'))).rejects.toThrow(
      'An object could not be cloned.',
    );
    ipc.handle('leaky', () => ({ callback: () => 1 }));
    await expect(ipc.invoke('leaky', event, {})).rejects.toThrow('An object could not be cloned.');
    await expect(ipc.invoke('nobody', event, {})).rejects.toThrow(
      "No handler registered for 'nobody'",
    );
  });

  it('refuses a second handler on one channel, as Electron does', () => {
    const ipc = new fake.FakeIpcMain();
    ipc.handle('once', () => 1);
    expect(() => ipc.handle('once', () => 2)).toThrow(
      "Attempted to register a second handler for 'once'",
    );
    ipc.removeHandler('once');
    expect(() => ipc.handle('once', () => 3)).not.toThrow();
  });

  it('throws on a destroyed window and webContents, and clones what is sent', () => {
    const win = new fake.FakeBrowserWindow({ show: false });
    expect(() => win.webContents.send('state', { f: () => 1 })).toThrow(
      'Failed to serialize arguments',
    );
    win.webContents.send('state', { ok: true });
    expect(win.webContents.sent).toEqual([{ channel: 'state', payload: { ok: true } }]);
    win.once('close', (e: fake.PreventableEvent) => e.preventDefault());
    expect(win.close()).toBe(false);
    expect(win.isDestroyed()).toBe(false);
    expect(win.close()).toBe(true);
    expect(win.isDestroyed()).toBe(true);
    expect(win.webContents.isDestroyed()).toBe(true);
    expect(() => win.show()).toThrow('Object has been destroyed');
    expect(() => win.webContents.send('state', {})).toThrow('Object has been destroyed');
  });

  it('quits in Electron’s order, each preventable step cancelling the quit', async () => {
    const { app } = fake;
    const order: string[] = [];
    const win = new fake.FakeBrowserWindow({ show: false });
    let holdBeforeQuit = true;
    let holdWindow = true;
    let holdWillQuit = true;
    app.on('before-quit', (e: fake.PreventableEvent) => {
      order.push('before-quit');
      if (holdBeforeQuit) e.preventDefault();
    });
    win.on('close', (e: fake.PreventableEvent) => {
      order.push('close');
      if (holdWindow) e.preventDefault();
    });
    app.on('will-quit', (e: fake.PreventableEvent) => {
      order.push('will-quit');
      if (holdWillQuit) e.preventDefault();
    });
    app.on('quit', () => order.push('quit'));
    const settled = () => new Promise((resolve) => setImmediate(resolve));

    app.quit();
    await settled();
    holdBeforeQuit = false;
    app.quit();
    expect(app.quitted).toBe(false); // the rest happens later, as in Electron
    await settled();
    holdWindow = false;
    app.quit();
    await settled();
    holdWillQuit = false;
    app.quit();
    await settled();
    expect(order).toEqual([
      'before-quit',
      ...['before-quit', 'close'],
      ...['before-quit', 'close', 'will-quit'],
      ...['before-quit', 'will-quit', 'quit'],
    ]);
    expect(app.quitted).toBe(true);
    expect(win.isDestroyed()).toBe(true);
  });
});
