// GetVisualServiceStatus answers in free text (`Message`), a string or, in an older revision,
// `{Msg}`. The state is read from it conservatively: what is not recognised is "unknown".
import type { VncState } from '../../../preload/shared/contract';

/** The text of a `Message` field, whichever shape it came in. */
export function vncMessageText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (typeof message === 'object' && message !== null) {
    const msg = (message as { Msg?: unknown }).Msg;
    if (typeof msg === 'string') return msg;
  }
  return '';
}

export function parseVncMessage(message: unknown): VncState {
  const text = vncMessageText(message).trim().toLowerCase();
  if (text.startsWith('active (running)')) return 'running';
  if (/\binactive\b|\bdead\b|\bnot running\b/.test(text)) return 'stopped';
  return 'unknown';
}
