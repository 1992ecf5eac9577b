export { startGitServer } from './server';
export { GitServerError } from './git-server-error';
export type { GitServerErrorCode, GitServerErrorDetails } from './git-server-error';
export type {
  CreateRepositoryOptions,
  CreatedRepository,
  GitCredential,
  GitLogEntry,
  GitServer,
  GitServerOptions,
  GitServerStats,
  GitService,
  GitSignature,
  PushRecord,
  RefUpdate,
} from './types';
