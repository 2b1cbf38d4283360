// The last failure of a pending stop is kept as a code only (server text could echo input): this
// turns it into a few words in the user's language.
import type { I18n } from '../i18n/i18n';
import { en, type MessageKey } from '../i18n/messages';

export function pendingReason(code: string, t: I18n['t']): string {
  const family = code.startsWith('Throttling') ? 'Throttling' : code;
  const key = `pending.reason.${family}`;
  return key in en ? t(key as MessageKey) : t('pending.reason.unknown', { code });
}
