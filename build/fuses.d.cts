// Types for fuses.cjs (plain CommonJS so that electron-builder's config can require it).
import type { Configuration } from 'electron-builder';

/** Every fuse set explicitly: electron-builder's `electronFuses`, nothing left to Electron. */
export type Fuses = Readonly<Required<NonNullable<Configuration['electronFuses']>>>;

export declare const E2E_BUILD_ENV: 'EHPC_VNC_E2E_BUILD';
export declare const releaseFuses: Fuses;
export declare const e2eFuses: Fuses;
export declare function isE2eBuild(env: NodeJS.ProcessEnv): boolean;
export declare function fusesFor(env: NodeJS.ProcessEnv): Fuses;
