// The AccessKey profile: which one is active, a choice among those stored in the keychain, and a
// new one by name (validated here for the message, and again in main). Choosing a stored profile
// switches at once; a new one is switched to only once its key is verified and saved (onAdd
// leads to the sign-in form for it), so a typo never leaves the app signed out.
import { useEffect, useState, type FormEvent } from 'react';
import type { Profiles, SessionInfo } from '../../../preload/shared/contract';
import { isValidProfileName } from '../../../preload/shared/validation';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

/** The select's value for "New profile…": not a valid profile name, so it cannot clash. */
const NEW = ':new';

interface ProfileSettingProps {
  session: SessionInfo;
  /** Told after a switch, with the session of the profile now active. */
  onSwitched: (session: SessionInfo) => void;
  /** The user named a new profile: connect it (sign in with `profile`). Absent: no new ones. */
  onAdd?: (profile: string) => void;
  /** The select's label (the sign-in screen says "Use another profile"). */
  label?: string;
  /** Show nothing unless another profile has a key (the sign-in screen of a first start). */
  onlyIfOthers?: boolean;
}

export function ProfileSetting(props: ProfileSettingProps) {
  const { session, onSwitched, onAdd, label, onlyIfOthers } = props;
  const { t } = useI18n();
  const list = useOperation('listProfiles');
  const use = useOperation('useProfile');
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const { run: load } = list;
  useEffect(() => {
    void load({});
  }, [load, session.profile]);

  const profiles: Profiles = list.value ?? { active: session.profile, stored: [] };
  const choices = profiles.stored.includes(session.profile)
    ? profiles.stored
    : [session.profile, ...profiles.stored];

  const onChoose = async (value: string) => {
    if (value === NEW) return setAdding(true);
    setAdding(false);
    if (value === session.profile) return;
    const result = await use.run({ profile: value });
    if (result?.ok) onSwitched(result.value);
  };

  if (onlyIfOthers && !profiles.stored.some((p) => p !== session.profile)) return null;

  const trimmed = name.trim();
  const problem = !isValidProfileName(trimmed)
    ? t('profile.invalid')
    : profiles.stored.includes(trimmed)
      ? t('profile.exists')
      : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!problem) onAdd?.(trimmed);
  };

  return (
    <div className="stack-tight">
      <Field label={label ?? t('profile.switch')} hint={t('profile.hint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            className="input select"
            value={adding ? NEW : session.profile}
            aria-describedby={describedBy}
            aria-busy={use.pending || list.pending}
            onChange={(e) => void onChoose(e.target.value)}
          >
            {choices.map((p) => (
              <option key={p} value={p}>
                {profiles.stored.includes(p) || list.pending ? p : t('profile.noKey', { name: p })}
              </option>
            ))}
            {onAdd && <option value={NEW}>{t('profile.new')}</option>}
          </select>
        )}
      </Field>
      {adding && (
        <form className="stack-tight" onSubmit={onSubmit} noValidate>
          <Field
            label={t('profile.newName')}
            hint={t('profile.newHint')}
            error={touched ? problem : undefined}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input input-mono"
                value={name}
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="off"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => setName(e.target.value)}
                onBlur={() => setTouched(trimmed !== '')}
              />
            )}
          </Field>
          <div className="inline-actions">
            <button type="submit" className="btn btn-secondary btn-small">
              {t('profile.continue')}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => {
                setAdding(false);
                setTouched(false);
                setName('');
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {use.error && <ErrorNotice error={use.error} />}
      {list.error && <ErrorNotice error={list.error} />}
    </div>
  );
}
