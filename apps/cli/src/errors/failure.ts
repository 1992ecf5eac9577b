import { maskSecrets, PipelineError, SettingsError } from '@zmp-manual/publish-pipeline';
import { EXIT_CODES, exitCodeForReason } from '../exit-codes';
import { UsageError } from './usage-error';

/** How a command failed, as stderr and `--json` show it. Never holds a secret or a stack trace. */
export interface Failure {
  exitCode: number;
  /** A job's failure reason (`translation_failed`, …), or `usage_error` / `configuration_error`. */
  reason: string;
  message: string;
  /** The pipeline step that failed. */
  step: string | null;
  /** The library error's code (`auth_failed`, `object_not_found`, …). */
  code: string | null;
}

/**
 * Sorts an error into the exit-code table. `cancelled` is true when the run's signal fired (Ctrl-C): whatever
 * the pipeline threw then, the run was cancelled.
 */
export function toFailure(error: unknown, secrets: readonly string[], cancelled = false): Failure {
  const clean = (text: string) => maskSecrets(text, secrets);
  if (error instanceof PipelineError) {
    const reason = cancelled ? 'cancelled' : error.reason;
    return { exitCode: exitCodeForReason(reason), reason, message: clean(error.message), step: error.step ?? null, code: error.code ?? null };
  }
  if (cancelled) return { exitCode: EXIT_CODES.cancelled, reason: 'cancelled', message: 'cancelled by Ctrl-C', step: null, code: null };
  if (error instanceof SettingsError) {
    return { exitCode: EXIT_CODES.configuration, reason: 'configuration_error', message: clean(error.message), step: null, code: null };
  }
  if (error instanceof UsageError) return { exitCode: EXIT_CODES.usage, reason: 'usage_error', message: clean(error.message), step: null, code: null };
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_CODES.failed, reason: 'unknown_error', message: clean(message), step: null, code: null };
}

/** `translation_failed: the provider refused every batch (step translating, code provider_failed)` */
export function failureLine(failure: Failure): string {
  const where = [failure.step && `step ${failure.step}`, failure.code && `code ${failure.code}`].filter(Boolean).join(', ');
  return `${failure.reason}: ${failure.message}${where ? ` (${where})` : ''}`;
}

/** The stack of an error for `--debug`, secrets masked. */
export function debugStack(error: unknown, secrets: readonly string[]): string | null {
  return error instanceof Error && error.stack ? maskSecrets(error.stack, secrets) : null;
}
