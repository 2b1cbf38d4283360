// The user's choices kept in settings: language, region, the selected cluster and recent ones.
import type { Preferences, Request } from '../../preload/shared/contract';
import type { Settings } from './settings';

export class UserPreferences {
  constructor(
    private readonly settings: Settings,
    /** Told when something the snapshot shows changed. */
    private readonly onChange: () => void,
  ) {}

  get(): Preferences {
    const s = this.settings.peek();
    return {
      language: s.language,
      regionId: s.regionId,
      ...(s.selectedClusterId ? { selectedClusterId: s.selectedClusterId } : {}),
      recentClusterIds: [...s.recentClusterIds],
      clusters: structuredClone(s.clusters),
      ...(s.exposure.pinnedRegions ? { pinnedRegions: [...s.exposure.pinnedRegions] } : {}),
      exposureWatchMinutes: s.exposure.watchMinutes,
    };
  }

  set(req: Request<'setPreferences'>): Preferences {
    const patch: {
      language?: Preferences['language'];
      regionId?: string;
      exposure?: { pinnedRegions?: string[]; watchMinutes: number };
    } = {};
    if (req.language) patch.language = req.language;
    if (req.regionId) patch.regionId = req.regionId;
    if (req.pinnedRegions !== undefined || req.exposureWatchMinutes !== undefined) {
      const { exposure } = this.settings.peek();
      const pinned = req.pinnedRegions ?? exposure.pinnedRegions;
      patch.exposure = {
        watchMinutes: req.exposureWatchMinutes ?? exposure.watchMinutes,
        // An empty list unpins: the regions found in use are watched again.
        ...(pinned && pinned.length > 0 ? { pinnedRegions: [...new Set(pinned)] } : {}),
      };
    }
    this.settings.update(patch);
    // The tray shows the language; the snapshot's session the region.
    this.onChange();
    return this.get();
  }

  selectCluster(req: Request<'selectCluster'>): Preferences {
    this.settings.selectCluster(req.clusterId);
    this.onChange();
    return this.get();
  }
}
