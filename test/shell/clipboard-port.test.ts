import { describe, expect, it } from 'vitest';
import { clipboardPort, type AsyncClipboard } from '../../main/shell/clipboard-port';

/** Electron 45's clipboard shape: promises for text, a synchronous clear. */
class SystemClipboard implements AsyncClipboard {
  text = '';
  async writeText(text: string): Promise<void> {
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  clear(): void {
    this.text = '';
  }
}

describe('clipboardPort', () => {
  it('clears the clipboard when it still holds what was copied', async () => {
    const system = new SystemClipboard();
    const port = clipboardPort(system, () => undefined);
    port.writeText('S3cret!pass');
    await port.settled();
    expect(system.text).toBe('S3cret!pass');
    expect(port.readText()).toBe('S3cret!pass');
    port.clear();
    await port.settled();
    expect(system.text).toBe('');
  });

  it('leaves something the user copied since alone', async () => {
    const system = new SystemClipboard();
    const port = clipboardPort(system, () => undefined);
    port.writeText('S3cret!pass');
    await port.settled();
    system.text = 'the user copied this';
    port.clear();
    await port.settled();
    expect(system.text).toBe('the user copied this');
  });

  it('logs a failing clipboard without the text', async () => {
    const logged: string[] = [];
    const failing: AsyncClipboard = {
      writeText: () => Promise.reject(new Error('no display S3cret!pass')),
      readText: () => Promise.resolve(''),
      clear: () => undefined,
    };
    const port = clipboardPort(failing, (l) => logged.push(l));
    port.writeText('S3cret!pass');
    await port.settled();
    expect(logged).toEqual(['clipboard operation failed']);
  });
});
