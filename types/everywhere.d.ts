// What every runtime of preload/shared has (Node 20, Chromium, Electron's sandboxed preload),
// declared once so the shared code is type-checked without the DOM or Node.
declare global {
  /** Web Crypto's random source: `globalThis.crypto` in Node 20, browsers and the preload. */
  var crypto: { getRandomValues<T extends ArrayBufferView | null>(array: T): T };
}

export {};
