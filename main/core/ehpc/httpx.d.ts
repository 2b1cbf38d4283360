// httpx (the HTTP client under @alicloud/tea-typescript) ships no types; the SDK's request hook
// (main/core/ehpc/sdk-http-hook.ts) types the one function it wraps.
declare module 'httpx';
