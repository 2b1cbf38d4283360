// Which clusters the automatic stops act on, the triggers, and start at login: each control
// saves itself the moment it changes (see useAutoStop).
//
// One answer to "which clusters" serves every trigger, quitting included: the quit switch stops
// the clusters chosen above, and moves with that choice. (Main keeps quitting's own scope in
// `onQuit`; should it differ, set through the contract by something else, the row says so.)
import { useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { AutoStopInfo, AutoStopScope } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { MinutesSelect } from '../components/MinutesSelect';
import { SettingRow, Switch } from '../components/SettingRow';
import { CrossIcon } from '../components/icons';
import type { AutoStopHandle } from '../hooks/use-auto-stop';
import { useI18n } from '../i18n/i18n';

/** Idle choices in minutes; 0 is off. A value saved elsewhere is added to the list. */
const IDLE_CHOICES = [0, 5, 10, 15, 30, 60, 120];
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

interface AutoStopSettingsProps {
  info: AutoStopInfo;
  save: AutoStopHandle['save'];
  errors: AutoStopHandle['errors'];
  regionId: string;
  /** The name (or ID) of the selected cluster, if one is selected. */
  selectedName?: string;
}

export function AutoStopSettings(props: AutoStopSettingsProps) {
  const { info, save, errors, regionId, selectedName } = props;
  const { t } = useI18n();
  const { settings, scope, supported } = info;
  const scopeName = useId();
  const scopeHintId = useId();

  const onScope = (next: AutoStopScope) => {
    if (next === scope) return;
    void save('scope', settings.onQuit === 'off' ? { scope: next } : { scope: next, onQuit: next });
  };
  const unsupported = t('leaving.unsupported');
  const quitScope = settings.onQuit === 'off' ? undefined : settings.onQuit;
  const quitDiffers = quitScope !== undefined && quitScope !== scope;

  return (
    <>
      <section className="card">
        <fieldset className="fieldset" aria-describedby={scopeHintId}>
          <legend className="card-title">{t('leaving.scope')}</legend>
          <div className="segmented">
            {(['selected', 'all'] as const).map((value) => (
              <label key={value} className="segment">
                <input
                  type="radio"
                  name={scopeName}
                  value={value}
                  checked={scope === value}
                  onChange={() => onScope(value)}
                />
                <span>{t(`leaving.scope.${value}`)}</span>
              </label>
            ))}
          </div>
          <p id={scopeHintId} className="setting-hint">
            {scope === 'all'
              ? t('leaving.scope.allHint', { region: regionId })
              : selectedName
                ? t('leaving.scope.selectedHint', { name: selectedName })
                : t('leaving.scope.selectedNone')}
          </p>
        </fieldset>
        {errors.scope && <ErrorNotice error={errors.scope} />}
      </section>

      <section className="card settings-list" aria-labelledby="leaving-when-title">
        <h2 id="leaving-when-title" className="card-title">
          {t('leaving.when')}
        </h2>
        <SettingRow
          label={t('leaving.onQuit')}
          hint={
            quitDiffers
              ? t('leaving.onQuit.differs', { which: t(`leaving.which.${quitScope}`) })
              : t('leaving.onQuit.hint')
          }
          error={errors.onQuit}
        >
          {({ id, hintId }) => (
            <Switch
              id={id}
              describedBy={hintId}
              checked={settings.onQuit !== 'off'}
              onChange={(on) => void save('onQuit', { onQuit: on ? scope : 'off' })}
            />
          )}
        </SettingRow>
        <SettingRow
          label={t('leaving.onLock')}
          hint={supported.onLock ? t('leaving.onLock.hint') : t('leaving.onLock.unsupported')}
          error={errors.onLock}
          disabled={!supported.onLock}
        >
          {({ id, hintId }) => (
            <Switch
              id={id}
              describedBy={hintId}
              // Off where it cannot fire, whatever a file copied from another computer says.
              checked={supported.onLock && settings.onLock}
              disabled={!supported.onLock}
              onChange={(on) => void save('onLock', { onLock: on })}
            />
          )}
        </SettingRow>
        <SettingRow
          label={t('leaving.onSuspend')}
          hint={supported.onSuspend ? t('leaving.onSuspend.hint') : unsupported}
          error={errors.onSuspend}
          disabled={!supported.onSuspend}
        >
          {({ id, hintId }) => (
            <Switch
              id={id}
              describedBy={hintId}
              checked={supported.onSuspend && settings.onSuspend}
              disabled={!supported.onSuspend}
              onChange={(on) => void save('onSuspend', { onSuspend: on })}
            />
          )}
        </SettingRow>
        <SettingRow
          label={t('leaving.onShutdown')}
          hint={supported.onShutdown ? t('leaving.onShutdown.hint') : unsupported}
          error={errors.onShutdown}
          disabled={!supported.onShutdown}
        >
          {({ id, hintId }) => (
            <Switch
              id={id}
              describedBy={hintId}
              checked={supported.onShutdown && settings.onShutdown}
              disabled={!supported.onShutdown}
              onChange={(on) => void save('onShutdown', { onShutdown: on })}
            />
          )}
        </SettingRow>
        <SettingRow
          label={t('leaving.idle')}
          hint={supported.idle ? t('leaving.idle.hint') : unsupported}
          error={errors.idleMinutes}
          disabled={!supported.idle}
        >
          {({ id, hintId }) => (
            <MinutesSelect
              id={id}
              describedBy={hintId}
              choices={IDLE_CHOICES}
              words={{
                off: t('leaving.idle.off'),
                minutes: (n) => t('leaving.idle.minutes', { n }),
                hours: (n) => t('leaving.idle.hours', { n }),
              }}
              minutes={settings.idleMinutes}
              disabled={!supported.idle}
              onChange={(idleMinutes) => void save('idleMinutes', { idleMinutes })}
            />
          )}
        </SettingRow>
        <SettingRow
          label={t('leaving.daily')}
          hint={t('leaving.daily.hint')}
          error={errors.dailyAt}
        >
          {({ id, hintId }) => (
            <DailyTime
              id={id}
              describedBy={hintId}
              saved={settings.dailyAt}
              onCommit={(dailyAt) => void save('dailyAt', { dailyAt })}
            />
          )}
        </SettingRow>
      </section>

      <section className="card settings-list" aria-label={t('leaving.launchAtLogin')}>
        <SettingRow
          label={t('leaving.launchAtLogin')}
          hint={
            supported.launchAtLogin
              ? t('leaving.launchAtLogin.hint')
              : t('leaving.launchAtLogin.unsupported')
          }
          error={errors.launchAtLogin}
          disabled={!supported.launchAtLogin}
        >
          {({ id, hintId }) => (
            <Switch
              id={id}
              describedBy={hintId}
              checked={supported.launchAtLogin && settings.launchAtLogin}
              disabled={!supported.launchAtLogin}
              onChange={(on) => void save('launchAtLogin', { launchAtLogin: on })}
            />
          )}
        </SettingRow>
      </section>
    </>
  );
}

interface DailyTimeProps {
  id: string;
  describedBy: string;
  saved?: string;
  onCommit: (dailyAt: string | null) => void;
}

/**
 * A time field saved when the user is done with it (Enter or leaving the field), not on every
 * keystroke: typing 18:30 passes through 18:03 on the way. Emptied, it turns the stop off.
 */
function DailyTime({ id, describedBy, saved, onCommit }: DailyTimeProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(saved ?? '');
  // Follow the saved value when it changes (a save answered, or a refusal put it back).
  const [syncedWith, setSyncedWith] = useState(saved);
  if (syncedWith !== saved) {
    setSyncedWith(saved);
    setDraft(saved ?? '');
  }

  const commit = (e: SyntheticEvent<HTMLInputElement>) => {
    // A half-typed time reads as '' with badInput set: that is not "turn it off".
    if (e.currentTarget.validity.badInput) return;
    if (draft === (saved ?? '')) return;
    if (draft === '') onCommit(null);
    else if (HH_MM.test(draft)) onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit(e);
  };
  const clear = () => {
    setDraft('');
    onCommit(null);
    input.current?.focus();
  };

  return (
    <div className="time-control">
      <input
        ref={input}
        id={id}
        type="time"
        className="input input-time"
        value={draft}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {saved && (
        <button
          type="button"
          className="btn btn-ghost btn-icon btn-icon-small"
          aria-label={t('leaving.daily.clear')}
          onClick={clear}
        >
          <CrossIcon />
        </button>
      )}
    </div>
  );
}
