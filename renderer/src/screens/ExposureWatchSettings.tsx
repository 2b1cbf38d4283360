// Settings: which regions the exposure model watches (every region in use, found automatically,
// or a pinned set chosen from ListRegions' list) and how often the watch re-checks. Each change
// is saved at once; main validates it (region IDs, at most 32, minutes 0 to 1440).
import { useId, useState } from 'react';
import type { Preferences } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { MinutesSelect } from '../components/MinutesSelect';
import { SettingRow } from '../components/SettingRow';
import { useOperation } from '../hooks/use-operation';
import type { RegionsState } from '../hooks/use-regions';
import { useI18n } from '../i18n/i18n';
import { regionLabel, withRegion } from '../regions';

/** Watch intervals offered, in minutes; 0 is off. A value saved elsewhere is added to the list. */
const WATCH_CHOICES = [0, 5, 10, 15, 30, 60, 120, 240];
/** As main's contract: at most this many pinned regions. */
const MAX_PINNED = 32;
/** Main's default when a file has no interval (settings-schema.ts). */
const DEFAULT_WATCH_MINUTES = 10;

interface ExposureWatchSettingsProps {
  prefs: Preferences;
  onPrefs: (prefs: Preferences) => void;
  regions: RegionsState;
  /** The regions the last exposure check covered, if any. */
  inUse?: readonly string[];
  /** Told after the pinned set changed, so that VNC is checked in the new set. */
  onRegionsChanged?: () => void;
}

export function ExposureWatchSettings(props: ExposureWatchSettingsProps) {
  const { prefs, onPrefs, regions, inUse, onRegionsChanged } = props;
  const { t } = useI18n();
  // One operation each, so that a quick change of one never drops the other's answer.
  const savePinned = useOperation('setPreferences');
  const saveMinutes = useOperation('setPreferences');
  const modeName = useId();
  const modeHintId = useId();
  const [keepOne, setKeepOne] = useState(false);
  // What the controls show: the choice at once, the saved preferences once main answers (and
  // again when a save is refused). Each save sends the whole set, so the last one wins.
  const saved = prefs.pinnedRegions;
  const [pinned, setPinned] = useState(saved);
  const [syncedWith, setSyncedWith] = useState(saved);
  if (syncedWith !== saved) {
    setSyncedWith(saved);
    setPinned(saved);
  }
  const [minutes, setMinutes] = useState(prefs.exposureWatchMinutes ?? DEFAULT_WATCH_MINUTES);

  const savePins = async (next: string[]) => {
    setKeepOne(false);
    setPinned(next.length > 0 ? next : undefined);
    const result = await savePinned.run({ pinnedRegions: next });
    if (!result) return;
    if (!result.ok) return setPinned(saved);
    onPrefs(result.value);
    onRegionsChanged?.();
  };
  const onMode = (pin: boolean) => {
    if (pin === Boolean(pinned)) return;
    // Pinning starts from what is watched now, so that nothing silently drops out of the watch.
    const start = inUse && inUse.length > 0 ? [...inUse] : [prefs.regionId];
    void savePins(pin ? start.slice(0, MAX_PINNED) : []);
  };
  const onToggle = (regionId: string, on: boolean) => {
    const current = pinned ?? [];
    const next = on ? [...current, regionId] : current.filter((r) => r !== regionId);
    // An empty list would unpin: that is the other choice above, not a side effect of a tick.
    if (next.length === 0) return setKeepOne(true);
    void savePins(next);
  };
  const onMinutes = async (exposureWatchMinutes: number) => {
    const before = minutes;
    setMinutes(exposureWatchMinutes);
    const result = await saveMinutes.run({ exposureWatchMinutes });
    if (result?.ok) onPrefs(result.value);
    else if (result) setMinutes(before);
  };

  // Every pinned region is listed, even one ListRegions does not name (offline, say).
  const listed = (pinned ?? []).reduceRight(withRegion, [...regions.regions]);
  const full = (pinned?.length ?? 0) >= MAX_PINNED;

  return (
    <section
      className="card settings-list"
      aria-labelledby="watch-title"
      aria-busy={savePinned.pending || saveMinutes.pending}
    >
      <h2 id="watch-title" className="card-title">
        {t('watch.title')}
      </h2>
      <fieldset className="fieldset setting" aria-describedby={modeHintId}>
        <legend className="setting-label">{t('watch.regions')}</legend>
        <div className="segmented">
          {([false, true] as const).map((pin) => (
            <label key={String(pin)} className="segment">
              <input
                type="radio"
                name={modeName}
                checked={Boolean(pinned) === pin}
                onChange={() => onMode(pin)}
              />
              <span>{t(pin ? 'watch.regions.pinned' : 'watch.regions.inUse')}</span>
            </label>
          ))}
        </div>
        <p id={modeHintId} className="setting-hint">
          {pinned
            ? t('watch.regions.pinnedHint')
            : inUse && inUse.length > 0
              ? t('watch.regions.inUseNow', { regions: inUse.join(', ') })
              : t('watch.regions.inUseHint')}
        </p>
        {pinned && (
          <fieldset className="fieldset region-checklist" aria-busy={regions.loading}>
            <legend className="sr-only">{t('watch.regions.list')}</legend>
            {listed.map((r) => {
              const on = pinned.includes(r.regionId);
              return (
                <label key={r.regionId} className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    onChange={(e) => onToggle(r.regionId, e.target.checked)}
                  />
                  <span>{regionLabel(r)}</span>
                </label>
              );
            })}
          </fieldset>
        )}
        {pinned && regions.fallback && (
          <p className="setting-hint">{t('watch.regions.fallback')}</p>
        )}
        {keepOne && (
          <p className="field-error" role="alert">
            {t('watch.regions.keepOne')}
          </p>
        )}
      </fieldset>
      <SettingRow label={t('watch.interval')} hint={t('watch.interval.hint')}>
        {({ id, hintId }) => (
          <MinutesSelect
            id={id}
            describedBy={hintId}
            choices={WATCH_CHOICES}
            words={{
              off: t('watch.interval.off'),
              minutes: (n) => t('watch.interval.minutes', { n }),
              hours: (n) => t('watch.interval.hours', { n }),
            }}
            minutes={minutes}
            onChange={(n) => void onMinutes(n)}
          />
        )}
      </SettingRow>
      {savePinned.error && <ErrorNotice error={savePinned.error} />}
      {saveMinutes.error && <ErrorNotice error={saveMinutes.error} />}
    </section>
  );
}
