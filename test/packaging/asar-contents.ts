// Reading a packaged app.asar the way Electron will: its file list, file contents, and Node's
// package resolution (node_modules folders, nearest first) inside it.
import { builtinModules } from 'node:module';
import { extractFile, listPackage, statFile } from '@electron/asar';

interface PackageJson {
  name?: string;
  main?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export class AsarContents {
  /** Every file and folder, relative, with forward slashes, e.g. `dist/main/index.mjs`. */
  readonly paths: ReadonlySet<string>;

  constructor(readonly archive: string) {
    this.paths = new Set(
      listPackage(archive, { isPack: false }).map((p) =>
        p.replaceAll('\\', '/').replace(/^\//, ''),
      ),
    );
  }

  has(file: string): boolean {
    return this.paths.has(file);
  }

  text(file: string): string {
    return extractFile(this.archive, file).toString('utf8');
  }

  json<T = PackageJson>(file: string): T {
    return JSON.parse(this.text(file)) as T;
  }

  /** True when the entry lives in app.asar.unpacked rather than inside the archive. */
  isUnpacked(file: string): boolean {
    const entry = statFile(this.archive, file) as { unpacked?: boolean };
    return entry.unpacked === true;
  }

  /** Installed package folders: `node_modules/a`, `node_modules/@s/b/node_modules/c`, … */
  packageDirs(): string[] {
    return [...this.paths]
      .filter((p) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(p))
      .map((p) => p.slice(0, -'/package.json'.length));
  }

  /** Where `name` resolves from code in `fromDir` ('' for the app itself), or undefined. */
  resolvePackage(fromDir: string, name: string): string | undefined {
    let dir = fromDir;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (this.has(`${candidate}/package.json`)) return candidate;
      if (!dir) return undefined;
      const up = dir.lastIndexOf('node_modules/');
      dir = up <= 0 ? '' : dir.slice(0, up - 1);
    }
  }

  /**
   * Follows `dependencies` (and the optional ones that are present) from the app's own
   * package.json: the package folders the app can reach, and the names it could not resolve.
   */
  dependencyClosure(): { reached: Set<string>; missing: string[] } {
    const reached = new Set<string>();
    const missing: string[] = [];
    const visit = (fromDir: string, pkg: PackageJson): void => {
      const required = Object.keys(pkg.dependencies ?? {});
      const optional = Object.keys(pkg.optionalDependencies ?? {});
      for (const name of [...required, ...optional]) {
        const dir = this.resolvePackage(fromDir, name);
        if (!dir) {
          if (required.includes(name) && !optional.includes(name)) {
            missing.push(`${name} (needed by ${fromDir || 'the app'})`);
          }
          continue;
        }
        if (reached.has(dir)) continue;
        reached.add(dir);
        visit(dir, this.json(`${dir}/package.json`));
      }
    };
    visit('', this.json('package.json'));
    return { reached, missing };
  }
}

/** Files of the app (`./x`, `../y`) that a module imports statically, and dynamically. */
export function relativeImports(source: string): { static: string[]; dynamic: string[] } {
  const collect = (pattern: RegExp) =>
    [...source.matchAll(pattern)]
      .map(([, specifier]) => specifier ?? '')
      .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'));
  return {
    static: [
      ...collect(/\bfrom\s*["']([^"']+)["']/g),
      ...collect(/^\s*import\s*["']([^"']+)["']/gm),
    ],
    dynamic: collect(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
  };
}

/**
 * Package names a bundled ES module or CommonJS file loads at run time (not Node built-ins).
 * Only statements count: bundled code also holds such text in strings and comments (ajv's code
 * generator writes `require("ajv/dist/runtime/equal")` into the validators it compiles).
 */
export function bareImports(source: string): string[] {
  const found = new Set<string>();
  const notInCode = String.raw`(?<![\w$.'"\`])`;
  const patterns = [
    /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    new RegExp(`${notInCode}import\\s*\\(\\s*["']([^"']+)["']\\s*\\)`, 'g'),
    new RegExp(`${notInCode}(?:__)?require\\s*\\(\\s*["']([^"']+)["']\\s*\\)`, 'g'),
  ];
  for (const pattern of patterns) {
    for (const [, specifier] of source.matchAll(pattern)) {
      if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) continue;
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const parts = specifier.split('/');
      found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
    }
  }
  return [...found].sort();
}
