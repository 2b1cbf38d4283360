// Connect (or replace) the AccessKey. signIn verifies with one call before anything is saved,
// so a wrong secret is reported here and never lands in the keychain.
import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../preload/shared/contract';
import { isValidAccessKeyId } from '../../../preload/shared/validation';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { SecretInput } from '../components/SecretInput';
import { Spinner } from '../components/Spinner';
import { KeyIcon } from '../components/icons';
import { useOperation } from '../hooks/use-operation';
import { useRegions } from '../hooks/use-regions';
import { useI18n } from '../i18n/i18n';
import { regionLabel, withRegion } from '../regions';
import { PolicyBlock } from './PolicyBlock';
import { ProfileSetting } from './ProfileSetting';

interface SignInScreenProps {
  session: SessionInfo;
  replacing: boolean;
  onSignedIn: (session: SessionInfo) => void;
  onCancel?: () => void;
  /** A new profile to connect: the key is saved under it, and it becomes the active one. */
  profile?: string;
  /** Signed out, the user may go back to another profile that has a key. */
  onProfileSwitched?: (session: SessionInfo) => void;
}

export function SignInScreen(props: SignInScreenProps) {
  const { session, replacing, onSignedIn, onCancel, profile, onProfileSwitched } = props;
  const { t } = useI18n();
  const signIn = useOperation('signIn');
  // Signed out, ListRegions cannot be asked: the documented list stands in.
  const { regions } = useRegions(replacing);
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [secretVisible, setSecretVisible] = useState(false);
  const [regionId, setRegionId] = useState(session.regionId || 'cn-hangzhou');
  const [attempted, setAttempted] = useState(false);

  const keyIdError =
    attempted && !isValidAccessKeyId(keyId.trim()) ? t('signin.keyIdInvalid') : undefined;
  const secretError = attempted && secret.length === 0 ? t('signin.secretMissing') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (!isValidAccessKeyId(keyId.trim()) || secret.length === 0) return;
    const result = await signIn.run({
      accessKeyId: keyId.trim(),
      accessKeySecret: secret,
      regionId,
      ...(profile ? { profile } : {}),
    });
    if (result?.ok) {
      setSecret('');
      onSignedIn(result.value);
    }
  };

  return (
    <main className="screen screen-padded" aria-labelledby="signin-title">
      <div className="hero">
        <span className="hero-icon">
          <KeyIcon />
        </span>
        <h1 id="signin-title" className="title">
          {profile
            ? t('signin.profileTitle', { name: profile })
            : replacing
              ? t('signin.replaceTitle')
              : t('signin.title')}
        </h1>
        <p className="muted">{t('signin.intro')}</p>
      </div>
      <form className="stack" onSubmit={submit} noValidate aria-busy={signIn.pending}>
        <Field label={t('signin.keyId')} error={keyIdError}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input input-mono"
              data-autofocus={replacing ? undefined : true}
              value={keyId}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setKeyId(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('signin.secret')} error={secretError}>
          {({ id, describedBy, invalid }) => (
            <SecretInput
              id={id}
              value={secret}
              onChange={setSecret}
              visible={secretVisible}
              onToggle={() => setSecretVisible((v) => !v)}
              showLabel={t('signin.showSecret')}
              hideLabel={t('signin.hideSecret')}
              describedBy={describedBy}
              invalid={invalid}
            />
          )}
        </Field>
        <Field label={t('signin.region')}>
          {({ id }) => (
            <select
              id={id}
              className="input select"
              value={regionId}
              onChange={(e) => setRegionId(e.target.value)}
            >
              {withRegion(regions, regionId).map((r) => (
                <option key={r.regionId} value={r.regionId}>
                  {regionLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!replacing && onProfileSwitched && (
          <ProfileSetting
            session={session}
            onSwitched={onProfileSwitched}
            label={t('profile.switchTo')}
            onlyIfOthers
          />
        )}
        <p className="note">
          {session.keychainAvailable ? t('signin.keychainNote') : t('signin.keychainUnavailable')}
        </p>
        <div className="actions">
          {onCancel && (
            <button type="button" className="btn btn-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="btn btn-primary btn-grow" disabled={signIn.pending}>
            {signIn.pending && <Spinner />}
            {signIn.pending ? t('signin.verifying') : t('signin.submit')}
          </button>
        </div>
        {signIn.error && <ErrorNotice error={signIn.error} />}
      </form>
      <PolicyBlock />
    </main>
  );
}
