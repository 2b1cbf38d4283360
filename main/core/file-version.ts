// Settings and the cluster cache are files shared by two processes (the app and the CLI). Each
// keeps what it parsed until the file changes; this is how it tells.
import fs from 'node:fs';

/** Identifies one version of the file (any write by anyone changes it); undefined if missing. */
export function fileVersionOf(filePath: string): string | undefined {
  try {
    const st = fs.statSync(filePath, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}
