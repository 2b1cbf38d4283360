// A server that echoes a secret back in another spelling: percent-encoded (how the signed form
// body carries it), form-encoded with `+` for spaces, or escaped inside a JSON string. Each
// spelling of each secret in use (the run-as password, the new VNC password, the AccessKey
// secret) must be gone from the error the user sees, over real HTTP from the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { EhpcClient } from '../../main/core/ehpc/client';
import { REDACTED, redactSecrets, secretForms } from '../../main/core/redact';
import { clusterIdFor, EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';

// Characters that every encoding spells differently: space, `/`, `+`, `"`, `\`, `&`, `!`, `é`.
const RUNAS_PASSWORD = 'run as/p+w"\\&!é';
const VNC_PASSWORD = 'Vnc Pass/9+x';

/** The spellings a server might use, each named for the failure message. */
const SPELLINGS: Record<string, (s: string) => string> = {
  exact: (s) => s,
  encodeURIComponent: (s) => encodeURIComponent(s),
  'lower-case percent escapes': (s) =>
    encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  'RFC 3986 (as signed)': (s) =>
    encodeURIComponent(s).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    ),
  'form encoding (+ for space)': (s) => new URLSearchParams({ v: s }).toString().slice(2),
  'JSON string': (s) => JSON.stringify(s).slice(1, -1),
  'JSON string, ASCII only': (s) =>
    JSON.stringify(s)
      .slice(1, -1)
      .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
};

describe('redactSecrets', () => {
  it('replaces every spelling of every secret, and leaves other text alone', () => {
    for (const [name, spell] of Object.entries(SPELLINGS)) {
      const text = `Invalid param: ${spell(RUNAS_PASSWORD)} (user root)`;
      expect(redactSecrets(text, [RUNAS_PASSWORD]), name).toBe(
        `Invalid param: ${REDACTED} (user root)`,
      );
    }
  });

  it('knows the spellings it looks for', () => {
    const forms = secretForms('a b/c');
    expect(forms).toEqual(expect.arrayContaining(['a b/c', 'a%20b%2Fc', 'a+b%2Fc', 'a%20b%2fc']));
    expect(forms).toEqual(expect.arrayContaining(['a b\\/c']));
  });

  it('ignores empty secrets and text without any', () => {
    expect(redactSecrets('nothing here', ['', 'absent'])).toBe('nothing here');
  });
});

describe('a server echoing secrets back, over HTTP', () => {
  let emu: Emulator;
  let client: EhpcClient;

  beforeAll(async () => {
    emu = await startEmulator();
    client = new EhpcClient({
      credentials: EMULATOR_KEY,
      regionId: emu.regionId,
      endpoint: emu.url,
      sleep: () => Promise.resolve(),
    });
  });
  afterAll(() => emu.close());

  const secrets = {
    'run-as password': RUNAS_PASSWORD,
    'VNC password': VNC_PASSWORD,
    'AccessKey secret': EMULATOR_KEY.accessKeySecret,
  };

  for (const [spelling, spell] of Object.entries(SPELLINGS)) {
    it(`redacts them spelt as ${spelling}`, async () => {
      const echoed = Object.entries(secrets)
        .map(([what, value]) => `${what}=${spell(value)}`)
        .join('; ');
      emu.inject({
        action: 'ModifyVisualServicePasswd',
        times: 1,
        fault: {
          kind: 'error',
          status: 400,
          code: 'InvalidParams',
          message: `Invalid param: ${echoed}`,
        },
      });
      let error: unknown;
      try {
        await client.modifyVncPassword({
          clusterId: clusterIdFor(emu.regionId, 1),
          runasUser: 'root',
          runasUserPassword: RUNAS_PASSWORD,
          passwd: VNC_PASSWORD,
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      const shown = JSON.stringify((error as AppError).toInfo());
      // The server's words reached the message (the code names its parameter), secrets did not.
      expect(shown).toContain('run-as password=****');
      for (const [what, value] of Object.entries(secrets)) {
        for (const form of Object.values(SPELLINGS).map((s) => s(value))) {
          expect(shown, `${what} spelt as ${spelling}`).not.toContain(form);
        }
      }
    });
  }
});
