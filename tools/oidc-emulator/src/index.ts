export { startOidcEmulator } from './server';
export type { Claims, CodeOptions, MintOptions, OidcEmulator, OidcEmulatorOptions, OidcUser } from './options';
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REALM, DEFAULT_USERS } from './options';
export type { OidcEmulatorStats } from './stats';
export type { PublishedJwk } from './keys';
export type { TokenResponse } from './realm';
