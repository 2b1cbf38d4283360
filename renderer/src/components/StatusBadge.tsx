import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const known = new Set([
  'running',
  'stopped',
  'unknown',
  'creating',
  'init',
  'uninit',
  'exception',
  'releasing',
  'stopping',
  'starting',
]);

/** A cluster or VNC state as a coloured pill; unknown states show E-HPC's own word. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const s = status.toLowerCase();
  const label = known.has(s) ? t(`status.${s}` as MessageKey) : status;
  return <span className={`badge badge-${known.has(s) ? s : 'other'}`}>{label}</span>;
}
