// Settings: the URL "Detect my address" asks. Empty by default, so the app calls no outside
// service unless the user chose one; https only (http for this computer, as for the endpoint).
import { useEffect, useState, type FormEvent } from 'react';
import { isAllowedDetectUrl } from '../../../preload/shared/ip-address';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

export function DetectUrlSetting() {
  const { t } = useI18n();
  const load = useOperation('getConnectPrefs');
  const save = useOperation('setConnectPrefs');
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState(false);
  const { run: loadPrefs } = load;
  useEffect(() => {
    void loadPrefs({}).then((r) => r?.ok && setUrl(r.value.detectUrl));
  }, [loadPrefs]);

  const trimmed = url.trim();
  const valid = trimmed === '' || isAllowedDetectUrl(trimmed);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSaved(false);
    if (!valid || save.pending) return;
    const result = await save.run({ detectUrl: trimmed });
    if (result?.ok) setSaved(true);
  };

  return (
    <form
      className="card stack-tight"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('settings.connect')}
    >
      <Field
        label={t('settings.detectUrl')}
        hint={t('settings.detectUrlHint')}
        error={touched && !valid ? t('settings.detectUrlInvalid') : undefined}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input input-mono"
            type="url"
            value={url}
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              setSaved(false);
            }}
            onBlur={() => setTouched(true)}
          />
        )}
      </Field>
      <div className="inline-actions">
        <button
          type="submit"
          className="btn btn-secondary btn-small"
          aria-disabled={save.pending || undefined}
        >
          {t('settings.detectUrlSave')}
        </button>
        <span role="status" className={saved ? 'small success-text' : 'sr-only'}>
          {saved ? t('settings.detectUrlSaved') : ''}
        </span>
      </div>
      {save.error && <ErrorNotice error={save.error} />}
    </form>
  );
}
