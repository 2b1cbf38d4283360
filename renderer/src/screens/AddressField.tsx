// "Your address": the CidrIp field VNC is started for. It offers the addresses used before (this
// cluster's first) and, when the user has set a detection URL, asks main to detect the public
// address; the answer is shown as /32 (or /128) and used only once the user says so.
import { useState } from 'react';
import type { Preferences } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Spinner } from '../components/Spinner';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

interface AddressFieldProps {
  id: string;
  clusterId: string;
  prefs: Preferences;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** Every CidrIp remembered, this cluster's first, each once. */
export function rememberedCidrs(prefs: Preferences, clusterId: string): string[] {
  const own = prefs.clusters[clusterId]?.cidrIp;
  const others = Object.values(prefs.clusters).map((c) => c.cidrIp);
  return [...new Set([own, ...others].filter((c): c is string => Boolean(c)))];
}

export function AddressField(props: AddressFieldProps) {
  const { id, clusterId, prefs, value, error, onChange, onBlur } = props;
  const { t } = useI18n();
  const detect = useOperation('detectAddress');
  const prefsOp = useOperation('getConnectPrefs');
  const [offered, setOffered] = useState(false);
  const listId = `${id}-remembered`;
  const remembered = rememberedCidrs(prefs, clusterId);

  const onDetect = async () => {
    if (detect.pending) return;
    setOffered(false);
    const [result] = await Promise.all([detect.run({}), prefsOp.run({})]);
    if (result?.ok) setOffered(true);
  };
  const found = offered ? detect.value : undefined;

  return (
    <div className="stack-tight">
      <Field id={id} label={t('vnc.cidr')} hint={t('vnc.cidrHint')} error={error}>
        {({ id: inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            className="input input-mono"
            value={value}
            list={remembered.length > 0 ? listId : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={remembered[0] ?? '203.0.113.7'}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )}
      </Field>
      {remembered.length > 0 && (
        <datalist id={listId} aria-label={t('address.remembered')}>
          {remembered.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      )}
      <div className="inline-actions">
        <button
          type="button"
          className="btn btn-link"
          aria-disabled={detect.pending || undefined}
          onClick={() => void onDetect()}
        >
          {detect.pending && <Spinner />}
          {detect.pending ? t('address.detecting') : t('address.detect')}
        </button>
      </div>
      {found && (
        <div className="notice notice-success" role="status">
          <div className="notice-body">
            <p>{t('address.detected', { url: prefsOp.value?.detectUrl ?? '' })}</p>
            <p>
              <code className="selectable">{found.cidrIp}</code>
            </p>
            {found.family === 6 && <p className="small">{t('address.ipv6')}</p>}
            <div className="inline-actions">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => {
                  onChange(found.cidrIp);
                  setOffered(false);
                }}
              >
                {t('address.use', { cidr: found.cidrIp })}
              </button>
              <button type="button" className="btn btn-link" onClick={() => setOffered(false)}>
                {t('address.dismiss')}
              </button>
            </div>
          </div>
        </div>
      )}
      {detect.error && !detect.pending && <ErrorNotice error={detect.error} />}
    </div>
  );
}
