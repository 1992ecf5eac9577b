import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultState } from './faults';
import type { EmulatorSettings } from './options';
import type { StatsCounter } from './stats';

/** The state of one running emulator, shared by its handlers. */
export interface EmulatorContext {
  readonly settings: EmulatorSettings;
  readonly stats: StatsCounter;
  readonly faults: FaultState;
  nextCompletionId(): string;
  /** The `x-request-id` header sent on every answer (`APIError.requestID`, `completion._request_id`). */
  nextRequestId(): string;
}

/** One request being answered; `signal` aborts when the client goes away or the emulator stops. */
export interface RequestCall {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly path: string;
  readonly signal: AbortSignal;
}

export type Handler = (call: RequestCall, context: EmulatorContext) => Promise<void>;
