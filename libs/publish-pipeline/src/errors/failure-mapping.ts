import { WriterError } from '@zmp-manual/docusaurus-writer';
import { failureReasonFor, GitPublisherError } from '@zmp-manual/git-publisher';
import { MemoryStoreError, ProviderError, TranslatorError } from '@zmp-manual/mdx-translator';
import { NotionExportError } from '@zmp-manual/notion-exporter';
import { parseNotionId } from '../notion-id';
import type { PipelineFailureReason, PipelineStep } from '../pipeline.types';
import { PipelineError } from './pipeline-error';
import { maskSecrets } from './secret-mask';

/** What the run knew when the error reached it. */
export interface FailureContext {
  step: PipelineStep | null;
  /** The caller's signal fired: whatever the error, the run was cancelled. */
  cancelled: boolean;
  /** The repository lock was lost while held. */
  lockLost?: boolean;
  /** The page the request asked for (dashed), to tell a bad request from a broken export. */
  pageId?: string;
  /** Texts that must not appear in the message (tokens, passwords). */
  secrets?: readonly string[];
}

const TRANSLATION_STEPS: ReadonlySet<PipelineStep | null> = new Set(['translating', 'translation_commit']);
/** The original maps whatever stops the clone or update of the repository to `repository_access_failed`. */
const SYNC_STEPS: ReadonlySet<PipelineStep | null> = new Set(['cloning', 'pulling']);
/** Codes of the lock errors (git-publisher's and `@zmp-manual/job-events`' RedisLock, recognised without importing it). */
const LOCK_CODES = new Set(['lock_timeout', 'lock_lost']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The failure reason and human message for an error of one of the libraries (or anything else). */
function classify(error: unknown, context: FailureContext): { reason: PipelineFailureReason; code: string; message: string } {
  const text = messageOf(error);
  if (error instanceof NotionExportError) {
    const askedPage = context.pageId !== undefined && parseNotionId(error.pageId) === context.pageId;
    if (askedPage && (error.code === 'invalid_page_id' || error.code === 'page_not_found')) {
      return { reason: 'invalid_page_id', code: error.code, message: `Invalid page ${context.pageId}: ${text}` };
    }
    return { reason: 'export_failed', code: error.code, message: `Export from Notion failed: ${text}` };
  }
  if (error instanceof TranslatorError || error instanceof ProviderError || error instanceof MemoryStoreError) {
    return { reason: 'translation_failed', code: error.code, message: `Translation failed: ${text}` };
  }
  if (error instanceof GitPublisherError) {
    const syncing = SYNC_STEPS.has(context.step) && !LOCK_CODES.has(error.code);
    const reason = syncing ? 'repository_access_failed' : failureReasonFor(error);
    const prefix = reason === 'repository_access_failed' ? 'Repository access failed' : context.step === 'pushing' ? 'Failed to push changes' : 'Git operation failed';
    return { reason, code: error.code, message: `${prefix}: ${text}` };
  }
  if (error instanceof WriterError) {
    if (TRANSLATION_STEPS.has(context.step)) return { reason: 'translation_failed', code: error.code, message: `Writing the translations failed: ${text}` };
    if (context.step === 'pushing') return { reason: 'git_operation_failed', code: error.code, message: `Re-applying the files before a push failed: ${text}` };
    return { reason: 'export_failed', code: error.code, message: `Writing the exported documents failed: ${text}` };
  }
  const code = codeOf(error);
  if (code !== undefined && LOCK_CODES.has(code)) return { reason: 'git_operation_failed', code, message: `Repository lock: ${text}` };
  return { reason: 'unknown_error', code: 'unknown_error', message: `Publication failed: ${text}` };
}

/**
 * Maps anything a run throws to a `PipelineError`: the caller's abort → `cancelled`; a lost lock →
 * `git_operation_failed`; otherwise by library (see the README's failure table). Messages are masked.
 */
export function toPipelineError(error: unknown, context: FailureContext): PipelineError {
  const secrets = context.secrets ?? [];
  if (error instanceof PipelineError) {
    if (error.step !== null || context.step === null) return error;
    return new PipelineError(error.reason, error.message, { step: context.step, code: error.code, cause: error.cause });
  }
  if (context.cancelled) {
    return new PipelineError('cancelled', 'Publication cancelled', { step: context.step, code: codeOf(error) ?? 'aborted', cause: error });
  }
  if (context.lockLost) {
    const message = 'The repository lock was lost: another job may hold it now, so nothing more was done';
    return new PipelineError('git_operation_failed', message, { step: context.step, code: 'lock_lost', cause: error });
  }
  const { reason, code, message } = classify(error, context);
  return new PipelineError(reason, maskSecrets(message, secrets), { step: context.step, code, cause: error });
}
