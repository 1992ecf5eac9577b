export { startGitServer } from './server';
export { cloneBranch } from './clone-branch';
export type { CloneBranchOptions, ClonedBranch } from './clone-branch';
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
