// What crosses the bridge for Connect (issue 12): where to connect, what a connect did, the
// detected address and the connect settings. Split from shapes.ts by job; the same rules hold:
// strict objects, nothing secret, types derived from the schemas.
import { z } from 'zod';

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** Where to connect to a cluster's VNC (its login node), from ListNodes. Nothing secret. */
export const connectTarget = strict({
  clusterId: z.string(),
  /** The login node's public address, else its private one (see `publicAddress`). */
  address: z.string(),
  port: z.number(),
  /** `vnc://<address>:12016`: the only URL the app asks the system to open. */
  url: z.string(),
  /** False: no login node has a public address; `address` is private (reachable over a VPN). */
  publicAddress: z.boolean(),
  privateAddress: z.string().optional(),
  hostName: z.string().optional(),
}).describe('ConnectTarget');
export type ConnectTarget = z.infer<typeof connectTarget>;

/** What `connect` did: started VNC or not, opened the viewer or copied the address instead. */
export const connectResult = connectTarget
  .extend({
    /** VNC was stopped and was started for `cidrIp`. */
    started: z.boolean(),
    cidrIp: z.string().optional(),
    /** The system's handler for vnc:// took the URL. */
    opened: z.boolean(),
    /** No handler: `<address>:12016` is on the clipboard to paste into a viewer. */
    addressCopied: z.boolean(),
    /** The remembered VNC password is on the clipboard (cleared after 30 s or at quit). */
    passwordCopied: z.boolean(),
  })
  .describe('ConnectResult');
export type ConnectResult = z.infer<typeof connectResult>;

/** The user's public address as a detection service answered it, for them to confirm. */
export const detectedAddress = strict({
  address: z.string(),
  /** `/32` (IPv4) or `/128` (IPv6). */
  cidrIp: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
}).describe('DetectedAddress');
export type DetectedAddress = z.infer<typeof detectedAddress>;

export const connectPrefs = strict({
  /** The HTTPS URL asked for the user's address; empty: none (the default). */
  detectUrl: z.string(),
  /** Remember a VNC password set here in the keychain, for Connect to copy. */
  rememberVncPassword: z.boolean(),
}).describe('ConnectPrefs');
export type ConnectPrefs = z.infer<typeof connectPrefs>;
