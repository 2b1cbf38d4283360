// Migrations of settings.json, keyed by the app version that introduced each shape. conf and
// electron-store run them in order on open, before the file is checked against the schema, and
// record the last one applied inside the file (under `__internal__`).
import type Conf from 'conf';
import { CONF_INTERNAL_KEY, settingsSchema, type SettingsData } from './settings-schema';

type Store = Conf<SettingsData>;
type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * 0.1.0, the first release. Development builds wrote a flatter file (`region`, `lastClusterId`,
 * `cidrByCluster: {id: cidr}`); their values are carried over. Every key the schema does not
 * know is dropped, so nothing unexpected (a pasted secret, say) survives the upgrade.
 */
export function migrateTo0_1_0(raw: Loose): Loose {
  const next: Loose = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    if (key in raw) next[key] = raw[key];
  }
  if (typeof raw.region === 'string') next.regionId = raw.region;
  if (typeof raw.lastClusterId === 'string' && next.selectedClusterId === undefined) {
    next.selectedClusterId = raw.lastClusterId;
  }
  if (isObject(raw.cidrByCluster)) {
    const clusters: Loose = isObject(next.clusters) ? { ...next.clusters } : {};
    for (const [id, cidr] of Object.entries(raw.cidrByCluster)) {
      if (typeof cidr !== 'string') continue;
      const known = isObject(clusters[id]) ? clusters[id] : {};
      clusters[id] = { cidrIp: cidr, ...known };
    }
    next.clusters = clusters;
  }
  if (raw[CONF_INTERNAL_KEY] !== undefined) next[CONF_INTERNAL_KEY] = raw[CONF_INTERNAL_KEY];
  return next;
}

function apply(migrate: (raw: Loose) => Loose): (store: Store) => void {
  return (store) => {
    // Inside a migration conf reads without validating, so the old shape comes through as is.
    store.store = migrate({ ...store.store }) as SettingsData;
  };
}

export const settingsMigrations: Record<string, (store: Store) => void> = {
  '0.1.0': apply(migrateTo0_1_0),
};
