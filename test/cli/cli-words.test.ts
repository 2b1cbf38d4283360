// Issue 13, item 2: the CLI speaks in its own words. Every code and variant of the registry, as
// the CLI would print it (main/cli/runtime.ts cliWords), names commands and variables, never the
// window's buttons ("Generate", "refresh", "Sign in", "Settings"...). The built CLI's answer to a
// rejected key is checked end to end in cli.test.ts and help-auth.test.ts.
import { describe, expect, it } from 'vitest';
import { cliWords } from '../../main/cli/runtime';
import { ERROR_CODES } from '../../preload/shared/error-registry';

const BUTTON_WORDS =
  /\bgenerate\b|\brefresh|\bclick|\bbutton|\bsign(?:ed)? in\b|\bin settings\b|\bthe window\b|\bfrom the tray\b/i;

/** Codes only the window or the tray can meet (the CLI has no window, autostart or detection). */
const WINDOW_ONLY = new Set([
  'Ipc.UntrustedSender',
  'Bridge.Unavailable',
  'AutostartUnwritable',
  'AddressDetection',
]);

function cliTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const [code, entry] of Object.entries(ERROR_CODES)) {
    if (WINDOW_ONLY.has(code)) continue;
    const variants = Object.entries(entry.variants ?? {}).filter(([v]) => !v.startsWith('cli'));
    for (const [variant, words] of [[undefined, entry] as const, ...variants]) {
      const [message, action] = words.en;
      const info = cliWords({ code, message, action, retryable: false, variant, params: {} });
      texts.push({
        where: variant ? `${code}/${variant}` : code,
        text: `${info.message} ${info.action}`,
      });
    }
  }
  return texts;
}

describe('the CLI’s words', () => {
  it('name no button of the window, for any code the CLI can print', () => {
    const texts = cliTexts();
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((t) => BUTTON_WORDS.test(t.text))).toEqual([]);
  });

  it('send a rejected key to `ehpc-vnc login` and the environment variables', () => {
    for (const code of [
      'InvalidAccessKeyId.NotFound',
      'InvalidAccessKeyId.Other',
      'SignatureDoesNotMatch',
    ]) {
      const info = cliWords({ code, message: 'app words', action: 'app words', retryable: false });
      expect(info.action, code).toContain('`ehpc-vnc login`');
      expect(info.action, code).toContain('ALIBABA_CLOUD_ACCESS_KEY_');
    }
  });
});
