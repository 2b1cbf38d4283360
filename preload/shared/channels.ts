// The IPC channel of every operation, apart from the schemas: the sandboxed preload needs only
// these names, and importing the whole contract would bundle zod into it.

export const CHANNELS = {
  getSession: 'session:get',
  signIn: 'session:signIn',
  signOut: 'session:signOut',
  listRegions: 'regions:list',
  getPreferences: 'prefs:get',
  setPreferences: 'prefs:set',
  listClusters: 'clusters:list',
  selectCluster: 'clusters:select',
  listUsers: 'users:list',
  getVncStatus: 'vnc:status',
  startVnc: 'vnc:start',
  stopVnc: 'vnc:stop',
  stopAllVnc: 'vnc:stopAll',
  setVncPassword: 'vnc:setPassword',
  hasRememberedRunasPassword: 'runas:hasRemembered',
  forgetRunasPassword: 'runas:forget',
  copySecret: 'clipboard:copySecret',
  getState: 'state:get',
  listPendingStops: 'pending:list',
  retryPendingStops: 'pending:retry',
  dismissPendingStop: 'pending:dismiss',
  getAutoStop: 'autoStop:get',
  setAutoStop: 'autoStop:set',
} as const;

export type Operation = keyof typeof CHANNELS;

export const operations = Object.keys(CHANNELS) as Operation[];

/** The channel main pushes `AppState` on. */
export const STATE_CHANNEL = 'state:changed';
