export { formatCommitMessage, MAX_BODY_PAGES, MAX_SUBJECT_LENGTH } from './commit-message';
export type { CommitMessageInput } from './commit-message';
export { failureReasonFor } from './errors/failure-reason';
export type { GitFailureReason } from './errors/failure-reason';
export { GitPublisherError } from './errors/git-publisher-error';
export type { GitOperation, GitPublisherErrorCode, GitPublisherErrorDetails } from './errors/git-publisher-error';
export { InMemoryRepositoryLock } from './lock/in-memory-repository-lock';
export type { LockHandle, LockOptions, RepositoryLock } from './lock/repository-lock';
export { withRepositoryLock } from './lock/with-repository-lock';
export type { GitPublisherLogger } from './logger';
export { openRepository } from './repository/open-repository';
export type { RepositoryAuth } from './repository/repository-auth';
export type {
  CommitAuthor,
  CommitOptions,
  FileChange,
  PushOptions,
  PushResult,
  ReapplyContext,
  Repository,
  RepositoryOptions,
  RepositoryStatus,
  SyncAction,
  SyncResult,
} from './repository/repository.types';
export type { WorkingCopyFs } from './repository/working-copy-fs';
export { redactUrl, repositoryKey } from './repository-key';
