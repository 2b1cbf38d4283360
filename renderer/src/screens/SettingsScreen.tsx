// The account (masked key, where it lives, replace or forget), the way to "Leaving safely", and
// the language.
import { useState } from 'react';
import type {
  AppState,
  Language,
  Preferences,
  SessionInfo,
} from '../../../preload/shared/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useOperation } from '../hooks/use-operation';
import type { RegionsState } from '../hooks/use-regions';
import { systemLocale, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { DetectUrlSetting } from './DetectUrlSetting';
import { ExposureWatchSettings } from './ExposureWatchSettings';
import { LeavingSafelyLink } from './LeavingSafelyLink';
import { PolicyBlock } from './PolicyBlock';
import { ProfileSetting } from './ProfileSetting';
import { SignInScreen } from './SignInScreen';

interface SettingsScreenProps {
  session: SessionInfo;
  prefs: Preferences;
  onSession: (session: SessionInfo) => void;
  onPrefs: (prefs: Preferences) => void;
  appState: AppState;
  onOpenLeaving: () => void;
  /** Back from "Leaving safely": focus returns to the way there, not the top. */
  returning?: boolean;
  /** ListRegions' answer, for the pinned regions of the exposure watch. */
  regions: RegionsState;
  /** The regions the last exposure check covered. */
  exposureRegions?: readonly string[];
  /** Told when the watched regions changed. */
  onWatchChanged?: () => void;
  /** Told when another AccessKey profile became the active one. */
  onProfileChanged: (session: SessionInfo) => void;
}

export function SettingsScreen(props: SettingsScreenProps) {
  const { session, prefs, onSession, onPrefs, appState, onOpenLeaving, returning } = props;
  const { regions, exposureRegions, onWatchChanged, onProfileChanged } = props;
  const { t } = useI18n();
  const signOut = useOperation('signOut');
  const setPrefs = useOperation('setPreferences');
  // Replacing the key, or connecting a new profile (named here).
  const [replacing, setReplacing] = useState<false | { profile?: string }>(false);
  const [confirming, setConfirming] = useState(false);
  // Signing out leaves no cluster's root password behind unless the user unticks this.
  const [removeRunas, setRemoveRunas] = useState(true);

  if (replacing) {
    return (
      <SignInScreen
        session={session}
        replacing
        profile={replacing.profile}
        onSignedIn={(s) => {
          setReplacing(false);
          if (replacing.profile) onProfileChanged(s);
          else onSession(s);
        }}
        onCancel={() => setReplacing(false)}
      />
    );
  }

  const fromEnv = session.source === 'env';
  const systemName = t(`settings.language.${systemLocale()}` as MessageKey);

  const onLanguage = async (language: Language) => {
    const result = await setPrefs.run({ language });
    if (result?.ok) onPrefs(result.value);
  };

  const onForget = async () => {
    const result = await signOut.run({ removeRunasPasswords: removeRunas });
    if (result?.ok) {
      setConfirming(false);
      onSession(result.value);
    }
  };

  return (
    <main className="screen screen-padded" aria-labelledby="settings-title">
      <h1
        id="settings-title"
        className="title title-small"
        tabIndex={-1}
        data-autofocus={!returning || undefined}
      >
        {t('settings.title')}
      </h1>
      <section className="card stack-tight" aria-labelledby="account-title">
        <h2 id="account-title" className="card-title">
          {t('settings.account')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('profile.label')}</dt>
            <dd>
              <code data-testid="active-profile">{session.profile}</code>
            </dd>
          </div>
          <div>
            <dt>{t('settings.keyId')}</dt>
            <dd>
              <code>{session.accessKeyIdMasked ?? '—'}</code>
            </dd>
          </div>
          <div>
            <dt>{t('settings.source')}</dt>
            <dd>{t(`settings.source.${session.source}` as MessageKey)}</dd>
          </div>
        </dl>
        <ProfileSetting
          session={session}
          onSwitched={onProfileChanged}
          onAdd={(profile) => setReplacing({ profile })}
        />
        {fromEnv ? (
          <p className="note">{t('settings.envNote')}</p>
        ) : (
          <div className="actions">
            <button type="button" className="btn btn-secondary" onClick={() => setReplacing({})}>
              {t('settings.replace')}
            </button>
            <button
              type="button"
              className="btn btn-danger-ghost"
              onClick={() => {
                setRemoveRunas(true);
                setConfirming(true);
              }}
            >
              {t('settings.forget')}
            </button>
          </div>
        )}
        {signOut.error && !confirming && <ErrorNotice error={signOut.error} />}
      </section>

      <LeavingSafelyLink appState={appState} onOpen={onOpenLeaving} autoFocus={returning} />

      <ExposureWatchSettings
        prefs={prefs}
        onPrefs={onPrefs}
        regions={regions}
        inUse={exposureRegions}
        onRegionsChanged={onWatchChanged}
      />

      <section className="card stack-tight">
        <Field label={t('settings.language')}>
          {({ id }) => (
            <select
              id={id}
              className="input select"
              value={prefs.language}
              aria-busy={setPrefs.pending}
              onChange={(e) => void onLanguage(e.target.value as Language)}
            >
              <option value="system">{t('settings.language.system', { lang: systemName })}</option>
              <option value="en" lang="en">
                {t('settings.language.en')}
              </option>
              <option value="zh-CN" lang="zh-CN">
                {t('settings.language.zh-CN')}
              </option>
            </select>
          )}
        </Field>
        {setPrefs.error && <ErrorNotice error={setPrefs.error} />}
      </section>

      <DetectUrlSetting />

      <PolicyBlock />

      <ConfirmDialog
        open={confirming}
        title={t('settings.forgetTitle')}
        confirmLabel={signOut.pending ? t('settings.forgetting') : t('settings.forgetConfirm')}
        cancelLabel={t('common.cancel')}
        pending={signOut.pending}
        onConfirm={onForget}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('settings.forgetBody')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={removeRunas}
            disabled={signOut.pending}
            onChange={(e) => setRemoveRunas(e.target.checked)}
          />
          <span>{t('settings.forgetRunas')}</span>
        </label>
        {signOut.error && <ErrorNotice error={signOut.error} />}
      </ConfirmDialog>
    </main>
  );
}
