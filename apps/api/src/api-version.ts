import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The API's version, from its package.json (the same relative path from src/ and dist/): `GET /health` and the OpenAPI document. */
export const API_VERSION = (JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as { version: string }).version;
