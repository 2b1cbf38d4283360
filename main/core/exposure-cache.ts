// The exposure model's memory on disk, beside settings.json: the regions in use, each cluster's
// security group ID (they rarely change) and the last exposure snapshot. Persisted so that a fresh
// process (the CLI in a logout hook, offline) still knows which clusters had VNC open and can
// journal their stops. Like the cluster cache it is only a cache: a missing or unreadable file is
// an empty one, and the file is the user's alone (0600), never written through a link.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileSync } from 'atomically';
import { z } from 'zod';
import { exposureSnapshot, type ExposureSnapshot } from '../../preload/shared/contract';
import { PRIVATE_FILE_MODE, refuseSymlink } from './settings-files';

export const EXPOSURE_CACHE_FILE_NAME = 'exposure-cache.json';
const FORMAT_VERSION = 1;

const fileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  regionsInUse: z.object({ regions: z.array(z.string()), fetchedAt: z.string() }).optional(),
  securityGroups: z.record(z.string(), z.string()),
  snapshot: exposureSnapshot.optional(),
});
type FileContent = z.infer<typeof fileSchema>;

export class ExposureCache {
  private content?: FileContent;

  constructor(
    readonly path: string,
    private readonly onWarning: (message: string) => void = () => undefined,
  ) {}

  static beside(otherFile: string, onWarning?: (m: string) => void): ExposureCache {
    return new ExposureCache(
      path.join(path.dirname(otherFile), EXPOSURE_CACHE_FILE_NAME),
      onWarning,
    );
  }

  private read(): FileContent {
    if (this.content) return this.content;
    let content: FileContent = { version: FORMAT_VERSION, securityGroups: {} };
    try {
      refuseSymlink(this.path);
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.path, 'utf8')));
      if (parsed.success) content = parsed.data;
    } catch {
      // Missing, unreadable or a link: start empty (it is only a cache).
    }
    this.content = content;
    return content;
  }

  private write(): void {
    try {
      refuseSymlink(this.path);
      fs.mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
      writeFileSync(this.path, JSON.stringify(this.read()), { mode: PRIVATE_FILE_MODE });
    } catch (err) {
      this.onWarning(`The exposure cache could not be written (${(err as Error).message}).`);
    }
  }

  regionsInUse(): { regions: string[]; fetchedAt: string } | undefined {
    return this.read().regionsInUse;
  }

  setRegionsInUse(regions: string[]): void {
    this.read().regionsInUse = { regions, fetchedAt: new Date().toISOString() };
    this.write();
  }

  securityGroupOf(clusterId: string): string | undefined {
    return this.read().securityGroups[clusterId];
  }

  /** Remembers security group IDs; written with the next snapshot (or `flush`). */
  rememberSecurityGroup(clusterId: string, securityGroupId: string): void {
    this.read().securityGroups[clusterId] = securityGroupId;
  }

  snapshot(): ExposureSnapshot | undefined {
    return this.read().snapshot;
  }

  setSnapshot(snapshot: ExposureSnapshot): void {
    this.read().snapshot = snapshot;
    this.write();
  }

  /** Forgets everything (sign-out: the next account's groups and clusters are others). */
  clear(): void {
    this.content = { version: FORMAT_VERSION, securityGroups: {} };
    this.write();
  }
}
