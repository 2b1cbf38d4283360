// Strings of the settings added for the exposure watch (regions watched, how often) and for
// AccessKey profiles, spread into the main catalogue; the Chinese file must match key for key.
export const settingsEn = {
  'watch.title': 'Watching for open VNC',
  'watch.regions': 'Regions to watch',
  'watch.regions.inUse': 'All regions in use',
  'watch.regions.pinned': 'Only these',
  'watch.regions.inUseHint': 'Found automatically: every region where the account has clusters.',
  'watch.regions.inUseNow': 'Found automatically; now {regions}.',
  'watch.regions.pinnedHint':
    'Only the regions ticked below are checked, and “Stop all” acts only there.',
  'watch.regions.list': 'Regions',
  'watch.regions.keepOne': 'Keep at least one region ticked, or choose “All regions in use”.',
  'watch.regions.fallback': 'Could not list the regions: showing the documented ones.',
  'watch.interval': 'Check every',
  'watch.interval.hint':
    'How often VNC is checked in the background; also at start, and after sleep or unlock.',
  'watch.interval.off': 'Off',
  'watch.interval.minutes': '{n} min',
  'watch.interval.hours': '{n} h',
  'profile.label': 'Profile',
  'profile.switch': 'Switch profile',
  'profile.hint':
    'Each profile keeps its own AccessKey in the system keychain. ehpc-vnc uses the active one too, unless given --profile.',
  'profile.noKey': '{name} (no key saved)',
  'profile.new': 'New profile…',
  'profile.newName': 'New profile name',
  'profile.newHint': 'Letters, digits, “.”, “_” and “-”, up to 64, such as work.',
  'profile.invalid':
    'Use letters, digits, “.”, “_” and “-” (up to 64), starting with a letter or digit.',
  'profile.exists': 'That profile exists: choose it in the list above.',
  'profile.continue': 'Add and connect…',
  'profile.switched': 'Now using the profile {name}.',
  'profile.switchTo': 'Use another profile',
  'signin.profileTitle': 'Connect the profile “{name}”',
} as const;
