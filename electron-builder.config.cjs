// electron-builder: how the app becomes installers. `npm run pack` makes the unpacked app for
// this OS (release/<os>-unpacked), `npm run dist` the installers (see docs/INSTALL.md).
// Only dist/{main,preload,renderer} and keytar's run-time files go into app.asar: scripts/build.mjs
// bundles every other dependency into dist/main. The tray images go beside it in resources/tray
// (main/shell/tray-icons.ts looks there when packaged).
// Signing and notarization happen only when their secrets are in the environment.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file, by design
const { fusesFor, isE2eBuild } = require('./build/fuses.cjs');

/** Apple notarization needs one of the credential sets @electron/notarize accepts. */
function appleNotarizationConfigured(env) {
  const all = (...names) => names.every((name) => Boolean(env[name]));
  return (
    all('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
    all('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
    all('APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE')
  );
}

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.ehpc-vnc-tray.app',
  productName: 'E-HPC VNC Tray',
  copyright: 'Copyright © 2025 E-HPC VNC Tray contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Spaces in file names break copy-paste into shells; the product name stays in the app itself.
  artifactName: 'ehpc-vnc-tray-${version}-${os}-${arch}.${ext}',
  publish: null, // the release workflow uploads the files itself, with their checksums

  files: [
    'package.json',
    'dist/main/**/*',
    'dist/preload/**/*',
    'dist/renderer/**/*',
    // Never shipped: source maps, sources and type declarations, .env files.
    // (The CLI in dist/cli runs on Node, which the packaged app does not provide.)
    '!**/*.{map,ts,tsx,mts,cts}',
    '!**/.env*',
    // The bundles need no node_modules. keytar, the one dependency left (native: the OS loads
    // its .node file from disk), needs at run time only its loader and its module; what it
    // installs with (prebuild-install and its tree, node-addon-api, the C++ sources) stays out.
    '!node_modules/**',
    'node_modules/keytar/{package.json,LICENSE.md}',
    'node_modules/keytar/lib/**',
    'node_modules/keytar/build/Release/keytar.node',
  ],
  // keytar's native module must be a real file: the OS loader cannot read inside an asar.
  asarUnpack: ['**/node_modules/keytar/build/Release/*.node'],
  extraResources: [{ from: 'build/tray', to: 'tray', filter: ['*.png', '*.ico'] }],
  electronFuses: fusesFor(process.env),
  // The e2e build says so inside app.asar (asar integrity keeps it there): only that build
  // accepts the debugging switches Playwright needs (main/shell/debug-switches.ts).
  extraMetadata: isE2eBuild(process.env) ? { ehpcVncBuild: 'e2e' } : {},
  // keytar is compiled for Electron from source, never fetched prebuilt (prebuild-install).
  buildDependenciesFromSource: true,

  mac: {
    category: 'public.app-category.utilities',
    icon: 'build/icons/icon.icns',
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // A menu-bar app: no Dock icon, no application menu.
    extendInfo: { LSUIElement: true },
    notarize: appleNotarizationConfigured(process.env),
  },
  dmg: { title: '${productName} ${version}' },

  win: {
    icon: 'build/icons/icon.ico',
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    // Per-user, no administrator rights: installs under %LOCALAPPDATA%\Programs.
    oneClick: true,
    perMachine: false,
    createStartMenuShortcut: true,
    createDesktopShortcut: false,
    shortcutName: 'E-HPC VNC Tray',
    // Settings and the keychain entry outlive an uninstall (a reinstall picks them up).
    deleteAppDataOnUninstall: false,
    installerIcon: 'build/icons/icon.ico',
    uninstallerIcon: 'build/icons/icon.ico',
  },

  linux: {
    executableName: 'ehpc-vnc-tray',
    icon: 'build/icons/png',
    category: 'Utility',
    synopsis: 'Set and stop the VNC of Alibaba Cloud E-HPC clusters from the tray',
    maintainer: 'E-HPC VNC Tray contributors',
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    desktop: {
      entry: {
        Name: 'E-HPC VNC Tray',
        Comment: 'Set and stop the VNC remote visualization of Alibaba Cloud E-HPC clusters',
        Categories: 'Utility;Network;',
        Keywords: 'VNC;HPC;E-HPC;Alibaba;Cloud;',
        StartupWMClass: 'E-HPC VNC Tray',
      },
    },
  },
  deb: {
    // electron-builder's defaults, spelled out so that libsecret (keytar's Secret Service
    // client) cannot silently drop out, plus libgbm1, which Electron's GPU process loads.
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
    ],
  },
};

module.exports = config;
