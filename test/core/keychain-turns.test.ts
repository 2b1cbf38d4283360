// keytar's findCredentials crashes the process when an item it found is deleted before its secret
// is loaded (atom/node-keytar#477). The keychain wrapper therefore never lets a listing overlap a
// write of the same process; lookups stay concurrent. A keytar stand-in records what overlaps:
// the real crash is a race no test could provoke on purpose.
import { describe, expect, it } from 'vitest';
import { keytarKeychain, type Keychain } from '../../main/core/keychain';

function recordingKeytar() {
  const running: string[] = [];
  const overlaps: string[] = [];
  let maxLookups = 0;
  const op =
    <T>(name: string, value: T) =>
    async (): Promise<T> => {
      for (const other of running) {
        const exclusive = (n: string) => n !== 'get';
        if (exclusive(name) || exclusive(other)) overlaps.push(`${name} beside ${other}`);
      }
      running.push(name);
      maxLookups = Math.max(maxLookups, running.filter((n) => n === 'get').length);
      // Two turns of the event loop: long enough for anything not held back to start meanwhile.
      await new Promise<void>((r) => setImmediate(r));
      await new Promise<void>((r) => setImmediate(r));
      running.splice(running.indexOf(name), 1);
      return value;
    };
  const module: Keychain = {
    getPassword: (..._args) => op('get', 'x')(),
    setPassword: (..._args) => op('set', undefined)(),
    deletePassword: (..._args) => op('delete', true)(),
    findCredentials: (..._args) => op('find', [{ account: 'a', password: 'p' }])(),
  };
  return { module, overlaps, lookups: () => maxLookups };
}

describe('keychain turns', () => {
  it('never runs findCredentials beside a write; lookups still run together', async () => {
    const fake = recordingKeytar();
    const keychain = keytarKeychain({ load: () => Promise.resolve(fake.module) });
    const s = 'svc';
    await Promise.all([
      keychain.deletePassword(s, 'a'),
      keychain.findCredentials(s),
      keychain.deletePassword(s, 'b'),
      keychain.findCredentials(s),
      keychain.setPassword(s, 'c', 'secret'),
      keychain.getPassword(s, 'a'),
      keychain.getPassword(s, 'b'),
    ]);
    expect(fake.overlaps.filter((o) => o.includes('find'))).toEqual([]);
    expect(fake.overlaps.filter((o) => !o.includes('get'))).toEqual([]);
    expect(fake.lookups()).toBe(2);
  });

  it('a failed write does not stop the next listing', async () => {
    const fake = recordingKeytar();
    const failing = {
      ...fake.module,
      deletePassword: () => Promise.reject(new Error('gone')),
    };
    const keychain = keytarKeychain({ load: () => Promise.resolve(failing) });
    const [deleted, found] = await Promise.allSettled([
      keychain.deletePassword('svc', 'a'),
      keychain.findCredentials('svc'),
    ]);
    expect(deleted.status).toBe('rejected');
    expect(found).toEqual({ status: 'fulfilled', value: [{ account: 'a', password: 'p' }] });
  });
});
