// Builds the popover page: renderer/index.html → dist/renderer, with relative URLs so the shell can
// load it from disk (file:// or a custom protocol) under a strict CSP.
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

const config: UserConfig = {
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // The CSP allows no inline anything: keep every asset a file, never a data: script or style.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { open: false },
};

export default defineConfig(({ command }) => {
  // The shipped page is always React's production build, even when the build runs inside a test
  // runner that exports NODE_ENV=test (Vite and the React plugin both read NODE_ENV).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
