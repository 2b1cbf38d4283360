// The opt-in, next to where the VNC password is set: keep it in the system keychain so that
// Connect can copy it for the viewer (cleared 30 s later). Off forgets the ones kept.
import { useEffect } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

export function RememberVncPassword() {
  const { t } = useI18n();
  const load = useOperation('getConnectPrefs');
  const save = useOperation('setConnectPrefs');
  const { run: loadPrefs } = load;
  useEffect(() => {
    void loadPrefs({});
  }, [loadPrefs]);
  const checked = (save.value ?? load.value)?.rememberVncPassword ?? false;
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={!load.value}
          onChange={(e) => void save.run({ rememberVncPassword: e.target.checked })}
        />
        <span>{t('pw.rememberVnc')}</span>
      </label>
      {save.error && <ErrorNotice error={save.error} />}
    </>
  );
}
