// Set the VNC password (ModifyVisualServicePasswd). The cluster needs a user's own password to
// run it as that user; it can be remembered in the keychain by main, never in the page.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AppState, ClusterSummary, Preferences } from '../../../preload/shared/contract';
import { checkVncPassword, generateVncPassword } from '../../../preload/shared/validation';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { SecretInput } from '../components/SecretInput';
import { Spinner } from '../components/Spinner';
import { CopyIcon, SparkleIcon } from '../components/icons';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';
import { PasswordChecklist } from './PasswordChecklist';
import { RememberVncPassword } from './RememberVncPassword';

interface PasswordPanelProps {
  clusterId: string;
  cluster?: ClusterSummary;
  prefs: Preferences;
  appState: AppState;
}

export function PasswordPanel({ clusterId, cluster, prefs, appState }: PasswordPanelProps) {
  const { t } = useI18n();
  const users = useOperation('listUsers');
  const remembered = useOperation('hasRememberedRunasPassword');
  const forget = useOperation('forgetRunasPassword');
  const setPassword = useOperation('setVncPassword');
  const copy = useOperation('copySecret');
  const checklistId = useId();

  const [runasUser, setRunasUser] = useState(prefs.clusters[clusterId]?.runasUser ?? 'root');
  const [runasPassword, setRunasPassword] = useState('');
  const [enterOther, setEnterOther] = useState(false);
  const [rememberIt, setRememberIt] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [visible, setVisible] = useState(false);
  const [runasVisible, setRunasVisible] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const { run: loadUsers } = users;
  const { run: checkRemembered } = remembered;
  useEffect(() => {
    void loadUsers({ clusterId });
  }, [loadUsers, clusterId]);
  useEffect(() => {
    void checkRemembered({ clusterId, runasUser });
  }, [checkRemembered, clusterId, runasUser]);

  const userNames = ['root', ...(users.value ?? []).map((u) => u.name).filter((n) => n !== 'root')];
  if (!userNames.includes(runasUser)) userNames.push(runasUser);

  const useRemembered = remembered.value === true && !enterOther;
  const check = checkVncPassword(newPassword);
  const confirmMatches = confirm.length > 0 && confirm === newPassword;
  const runasMissing = !useRemembered && runasPassword.length === 0;
  const pending = setPassword.pending || appState.busy[clusterId] === 'password';
  const name = cluster?.name || clusterId;

  const onGenerate = () => {
    const pw = generateVncPassword(16);
    setNewPassword(pw);
    setConfirm(pw);
    setVisible(true);
    copy.reset();
  };

  const onCopy = async () => {
    if (!newPassword) return;
    await copy.run({ text: newPassword, clearAfterSeconds: 30 });
  };

  const onForget = async () => {
    const result = await forget.run({ clusterId, runasUser });
    if (result?.ok) {
      setAnnouncement(t('pw.forgotten', { user: runasUser }));
      void checkRemembered({ clusterId, runasUser });
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setAnnouncement('');
    if (pending || !check.ok || !confirmMatches || runasMissing) return;
    const result = await setPassword.run({
      clusterId,
      runasUser,
      ...(useRemembered ? {} : { runasPassword }),
      rememberRunasPassword: !useRemembered && rememberIt,
      newPassword,
    });
    if (result?.ok) {
      setAnnouncement(t('pw.success', { name, user: runasUser }));
      setRunasPassword('');
      setNewPassword('');
      setConfirm('');
      setAttempted(false);
      copy.reset();
      void checkRemembered({ clusterId, runasUser });
    }
  };

  const formProblem = attempted
    ? runasMissing
      ? t('pw.runasMissing', { user: runasUser })
      : !check.ok || !confirmMatches
        ? t('pw.fixRules')
        : undefined
    : undefined;

  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="pw-title"
      aria-busy={pending}
    >
      <h2 id="pw-title" className="sr-only">
        {t('pw.title')}
      </h2>
      <section className="card stack-tight">
        <Field label={t('pw.runasUser')} hint={users.error ? t('pw.runasUsersFailed') : undefined}>
          {({ id, describedBy }) => (
            <select
              id={id}
              className="input select"
              value={runasUser}
              aria-describedby={describedBy}
              aria-busy={users.pending}
              onChange={(e) => {
                setEnterOther(false);
                setRunasUser(e.target.value);
              }}
            >
              {userNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        {useRemembered ? (
          <div className="remembered">
            <p>{t('pw.useRemembered', { user: runasUser })}</p>
            <div className="inline-actions">
              <button
                type="button"
                className="btn btn-link"
                onClick={onForget}
                aria-disabled={forget.pending || undefined}
              >
                {t('pw.forget')}
              </button>
              <button type="button" className="btn btn-link" onClick={() => setEnterOther(true)}>
                {t('pw.enterOther')}
              </button>
            </div>
            {forget.error && <ErrorNotice error={forget.error} />}
          </div>
        ) : (
          <>
            <Field
              label={t('pw.runasPassword', { user: runasUser })}
              error={
                attempted && runasMissing ? t('pw.runasMissing', { user: runasUser }) : undefined
              }
            >
              {({ id, describedBy, invalid }) => (
                <SecretInput
                  id={id}
                  value={runasPassword}
                  onChange={setRunasPassword}
                  visible={runasVisible}
                  onToggle={() => setRunasVisible((v) => !v)}
                  showLabel={t('common.show')}
                  hideLabel={t('common.hide')}
                  describedBy={describedBy}
                  invalid={invalid}
                />
              )}
            </Field>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={rememberIt}
                onChange={(e) => setRememberIt(e.target.checked)}
              />
              <span>{t('pw.remember')}</span>
            </label>
          </>
        )}
      </section>

      <section className="card stack-tight">
        <Field label={t('pw.new')}>
          {({ id, invalid }) => (
            <SecretInput
              id={id}
              value={newPassword}
              onChange={(v) => {
                setNewPassword(v);
                copy.reset();
              }}
              visible={visible}
              onToggle={() => setVisible((v) => !v)}
              showLabel={t('pw.showPasswords')}
              hideLabel={t('pw.hidePasswords')}
              describedBy={checklistId}
              invalid={invalid || (attempted && !check.ok)}
            />
          )}
        </Field>
        <Field label={t('pw.confirm')}>
          {({ id }) => (
            <SecretInput
              id={id}
              value={confirm}
              onChange={setConfirm}
              visible={visible}
              describedBy={checklistId}
              invalid={attempted && !confirmMatches}
            />
          )}
        </Field>
        <div className="inline-actions">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={t('pw.generateLabel')}
            onClick={onGenerate}
          >
            <SparkleIcon />
            {t('pw.generate')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={t('pw.copyLabel')}
            aria-disabled={!newPassword || copy.pending || undefined}
            onClick={onCopy}
          >
            <CopyIcon />
            {t('pw.copy')}
          </button>
        </div>
        <p role="status" className={copy.value ? 'field-hint success-text' : 'sr-only'}>
          {copy.value ? t('pw.copiedClears') : ''}
        </p>
        {copy.error && <ErrorNotice error={copy.error} />}
        <PasswordChecklist
          id={checklistId}
          check={check}
          confirmMatches={confirmMatches}
          touched={attempted || newPassword.length > 0}
        />
        <RememberVncPassword />
      </section>

      {formProblem && (
        <p className="field-error" role="alert">
          {formProblem}
        </p>
      )}
      {setPassword.error && <ErrorNotice error={setPassword.error} />}
      <div role="status" className={announcement ? 'notice notice-success' : 'sr-only'}>
        {announcement}
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-block btn-large"
        aria-disabled={pending || undefined}
      >
        {pending && <Spinner />}
        {pending ? t('pw.submitting') : t('pw.submit')}
      </button>
    </form>
  );
}
