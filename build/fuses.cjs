// Electron fuses for the packaged app (flipped by electron-builder's `electronFuses` after
// packing, before signing). A release build turns off every way to run other code in the app's
// name: ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect, a loose `app/` folder beside the asar, an
// edited asar. The e2e profile differs in one fuse only: Playwright drives Electron through the
// Node inspector (it launches with --inspect=0), so that build keeps inspect arguments on. It
// does not need RunAsNode: Playwright starts the app's own executable, not `node`.
'use strict';

/** Set to 1 to package the build that the Electron end-to-end tests drive. */
const E2E_BUILD_ENV = 'EHPC_VNC_E2E_BUILD';

/** @type {import('./fuses.d.cts').Fuses} */
const releaseFuses = Object.freeze({
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // Electron's default: the browser process uses the same V8 snapshot as the others.
  loadBrowserProcessSpecificV8Snapshot: false,
  // The page is served from app://, never file://, so file:// needs no extra privileges.
  grantFileProtocolExtraPrivileges: false,
  // Flipping a fuse edits the binary and breaks Electron's own ad-hoc signature; an unsigned
  // Apple silicon build must still carry one to start at all. A real signature replaces it.
  resetAdHocDarwinSignature: true,
});

/** @type {import('./fuses.d.cts').Fuses} */
const e2eFuses = Object.freeze({ ...releaseFuses, enableNodeCliInspectArguments: true });

/** @param {NodeJS.ProcessEnv} env */
function isE2eBuild(env) {
  return env[E2E_BUILD_ENV] === '1';
}

/** @param {NodeJS.ProcessEnv} env */
function fusesFor(env) {
  return isE2eBuild(env) ? e2eFuses : releaseFuses;
}

module.exports = { E2E_BUILD_ENV, releaseFuses, e2eFuses, isE2eBuild, fusesFor };
