export { resolveInside } from './safe-path';
export { WriterError } from './writer-error';
export type { WriterErrorCode } from './writer-error';
