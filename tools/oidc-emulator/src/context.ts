import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CodeStore } from './codes';
import type { Realm } from './realm';

export interface EmulatorContext {
  realm: Realm;
  codes: CodeStore;
  /** Realm URLs, for discovery. */
  urls: RealmUrls;
}

export interface RealmUrls {
  issuer: string;
  authorization: string;
  token: string;
  userinfo: string;
  jwks: string;
  endSession: string;
}

export interface RequestCall {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
}

export type Handler = (call: RequestCall, context: EmulatorContext) => Promise<void> | void;
