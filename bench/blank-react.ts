// The baseline page for items 4 and 5: the smallest React 19 app (createRoot, one element) built
// by Vite with the same plugin and target as the renderer. It lives under node_modules/.cache so
// that `react` resolves from the project's node_modules and nothing lands in the source tree.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const BENCH_CACHE = fileURLToPath(
  new URL('../node_modules/.cache/ehpc-vnc-bench', import.meta.url),
);

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Blank React</title>
    <script type="module" src="./main.tsx"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const MAIN_TSX = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p id="blank">Blank React page</p>
  </StrictMode>,
);
`;

/** Builds the blank page and returns its output folder (index.html and assets/). */
export async function buildBlankReact(): Promise<string> {
  const root = join(BENCH_CACHE, 'blank-react');
  const outDir = join(root, 'dist');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX_HTML);
  await writeFile(join(root, 'main.tsx'), MAIN_TSX);
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root,
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'chrome120',
        modulePreload: { polyfill: false },
        reportCompressedSize: false,
      },
    });
  } finally {
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
  return outDir;
}
