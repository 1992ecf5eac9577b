import type { Handler } from './context';
import { invalidRequest } from './errors';
import { parseFaultSwitches } from './faults';
import { parseJsonBody, readBody, sendJson } from './http-io';

/** `GET /__stats`: the counters (no auth). */
export const handleStats: Handler = async ({ response }, { stats }) => {
  sendJson(response, 200, stats.snapshot());
};

/** `POST /__reset`: zero the counters and turn every fault off. */
export const handleReset: Handler = async ({ response }, { stats, faults }) => {
  stats.reset();
  faults.clear();
  sendJson(response, 200, { stats: stats.snapshot(), faults: faults.snapshot() });
};

/** `GET /__faults`: the switches still on. */
export const handleGetFaults: Handler = async ({ response }, { faults }) => {
  sendJson(response, 200, faults.snapshot());
};

/** `POST /__faults`: replace every switch with the JSON body (400 on a bad switch). */
export const handleSetFaults: Handler = async ({ request, response }, { settings, faults }) => {
  const body = parseJsonBody(await readBody(request, settings.maxBodyBytes));
  try {
    faults.set(parseFaultSwitches(body ?? {}));
  } catch (error) {
    if (error instanceof TypeError) throw invalidRequest(error.message);
    throw error;
  }
  sendJson(response, 200, faults.snapshot());
};
