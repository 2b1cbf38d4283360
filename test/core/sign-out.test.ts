// Sign-out removes the remembered run-as passwords (default) or keeps them when asked, in the
// real keychain (test/with-keyring.sh), and only this app's items.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keytarKeychain } from '../../main/core/keychain';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const A = 'ehpc-hz-000001';
const B = 'ehpc-hz-000002';
const keychain = keytarKeychain();

describe('signing out', () => {
  let fx: AppFixture;
  const OTHER_SERVICE = 'E-HPC VNC Tray sign-out neighbour';
  beforeEach(async () => {
    fx = await startAppFixture({ clusters: 2 });
    await fx.vault.saveRunasPassword(A, 'root', 'emu-root-pass-1');
    await fx.vault.saveRunasPassword(B, 'alice', 'emu-alice-pass-1');
    await keychain.setPassword(OTHER_SERVICE, `runas:${A}:root`, 'not ours');
  });
  afterEach(async () => {
    await fx.vault.deleteRunasPassword(A, 'root');
    await fx.vault.deleteRunasPassword(B, 'alice');
    await keychain.deletePassword(OTHER_SERVICE, `runas:${A}:root`);
    await fx.close();
  });

  it('removes every remembered run-as password by default, and nothing of another service', async () => {
    const out = await fx.handlers.signOut({});
    expect(out).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await fx.vault.getRunasPassword(A, 'root')).toBeNull();
    expect(await fx.vault.getRunasPassword(B, 'alice')).toBeNull();
    expect(await keychain.findCredentials(fx.keychainService)).toEqual([]);
    expect(await keychain.getPassword(OTHER_SERVICE, `runas:${A}:root`)).toBe('not ours');
  });

  it('keeps them when asked to', async () => {
    const out = await fx.handlers.signOut({ removeRunasPasswords: false });
    expect(out).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await fx.vault.resolveAccessKey()).toBeNull();
    expect(await fx.vault.getRunasPassword(A, 'root')).toBe('emu-root-pass-1');
    expect(await fx.vault.getRunasPassword(B, 'alice')).toBe('emu-alice-pass-1');
  });
});
