// The CLI's version: written in at build time (scripts/build.mjs `define`), so printing it reads
// no package.json and loads nothing. Run from source (tsx), it is the development marker.
declare const __CLI_VERSION__: string | undefined;

export const CLI_VERSION: string =
  typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';
