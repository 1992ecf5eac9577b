import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { handleChatCompletions } from './chat-completions.handler';
import type { EmulatorContext, Handler, RequestCall } from './context';
import { handleGetFaults, handleReset, handleSetFaults, handleStats } from './control.handler';
import { ApiError, invalidApiKey, invalidUrl, missingApiKey, serverError } from './errors';
import { FaultState } from './faults';
import { sendJson } from './http-io';
import { handleModels } from './models.handler';
import type { OpenAIEmulator, OpenAIEmulatorOptions } from './options';
import { resolveSettings } from './options';
import { StatsCounter } from './stats';

interface Route {
  handler: Handler;
  /** API routes need the key and are counted in the stats; control routes (`/__*`) are not. */
  api: boolean;
}

function findRoute(method: string, path: string): Route | undefined {
  if (method === 'POST' && path === '/v1/chat/completions') return { handler: handleChatCompletions, api: true };
  if (method === 'GET' && (path === '/v1/models' || /^\/v1\/models\/[^/]+$/.test(path))) {
    return { handler: handleModels, api: true };
  }
  if (method === 'GET' && path === '/__stats') return { handler: handleStats, api: false };
  if (method === 'POST' && path === '/__reset') return { handler: handleReset, api: false };
  if (method === 'GET' && path === '/__faults') return { handler: handleGetFaults, api: false };
  if (method === 'POST' && path === '/__faults') return { handler: handleSetFaults, api: false };
  return undefined;
}

function checkApiKey(request: IncomingMessage, apiKey: string): void {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(.*)$/i.exec(header);
  const key = match?.[1]?.trim() ?? '';
  if (key === '') throw missingApiKey();
  if (key !== apiKey) throw invalidApiKey(key);
}

function sendError(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const apiError = error instanceof ApiError ? error : serverError();
  // An answer sent before the body was read in full (413, 401…) leaves bytes on the connection that
  // would be read as the next request: close it, so the client opens a fresh one.
  const headers = request.complete ? apiError.headers : { ...apiError.headers, connection: 'close' };
  sendJson(response, apiError.status, apiError.toJSON(), headers);
}

async function dispatch(
  request: IncomingMessage,
  response: ServerResponse,
  context: EmulatorContext,
  lifetime: AbortSignal,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://emulator').pathname;
  const route = findRoute(method, path);
  const counted = route?.api ?? !path.startsWith('/__');
  if (counted) context.stats.request();
  response.setHeader('x-request-id', context.nextRequestId());

  const gone = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) gone.abort();
  });
  const call: RequestCall = { request, response, path, signal: AbortSignal.any([lifetime, gone.signal]) };
  try {
    if (route === undefined) throw invalidUrl(method, path);
    if (route.api) checkApiKey(request, context.settings.apiKey);
    await route.handler(call, context);
  } catch (error) {
    if (!call.signal.aborted) sendError(request, response, error);
  }
  if (call.signal.aborted && !response.writableFinished) {
    if (counted) context.stats.aborted();
    response.destroy();
  } else if (counted) {
    context.stats.status(response.statusCode);
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The emulator is not listening on TCP'));
      else resolve(address.port);
    });
  });
}

/** Starts an OpenAI-compatible chat-completions server (see README.md). */
export async function startOpenAIEmulator(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  const settings = resolveSettings(options);
  const stats = new StatsCounter();
  const faults = new FaultState(options.faults);
  const lifetime = new AbortController();
  let completions = 0;
  let requestIds = 0;
  const context: EmulatorContext = {
    settings,
    stats,
    faults,
    nextCompletionId: () => `chatcmpl-emu${String((completions += 1)).padStart(6, '0')}`,
    nextRequestId: () => `req_emu${String((requestIds += 1)).padStart(6, '0')}`,
  };

  const server = createServer((request, response) => {
    void dispatch(request, response, context, lifetime.signal);
  });
  const port = await listen(server, settings.port, settings.host);
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    baseURL: `${url}/v1`,
    port,
    apiKey: settings.apiKey,
    models: settings.models,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (switches) => faults.set(switches),
    faults: () => faults.snapshot(),
    reset: () => {
      stats.reset();
      faults.clear();
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve, reject) => {
        lifetime.abort();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
