import type { Handler } from './context';
import { modelNotFound } from './errors';
import { sendJson } from './http-io';

const MODELS_PATH = '/v1/models';

function modelObject(id: string) {
  return { id, object: 'model', created: 0, owned_by: 'openai-emulator' };
}

/** `GET /v1/models` (the accepted models) and `GET /v1/models/{id}`. */
export const handleModels: Handler = async ({ response, path }, { settings }) => {
  if (path === MODELS_PATH) {
    sendJson(response, 200, { object: 'list', data: settings.models.map(modelObject) });
    return;
  }
  const raw = path.slice(MODELS_PATH.length + 1);
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    throw modelNotFound(raw); // a malformed %-escape names no model
  }
  if (!settings.models.includes(id)) throw modelNotFound(id);
  sendJson(response, 200, modelObject(id));
};
