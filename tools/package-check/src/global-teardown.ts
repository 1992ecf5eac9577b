import { rm } from 'node:fs/promises';
import { SANDBOXES_ENV } from './sandboxes';

export default async function globalTeardown(): Promise<void> {
  const root = process.env[SANDBOXES_ENV];
  if (root) await rm(root, { recursive: true, force: true });
}
