import type { PipelineFailureReason } from '@zmp-manual/publish-pipeline';

/**
 * The exit codes scripts can rely on. One table: the README, `--help` and the specs read it from here.
 */
export const EXIT_CODES = {
  /** The command did what it was asked (also when there was nothing to push). */
  success: 0,
  /** The job failed for a reason with no code of its own (`unknown_error`). */
  failed: 1,
  /** A bad or missing flag, an unknown command. */
  usage: 2,
  /** A bad or missing setting (environment variable or the flag standing for it). */
  configuration: 3,
  /** The page id is malformed or not a page of the solution. */
  invalidPageId: 4,
  exportFailed: 10,
  translationFailed: 11,
  repositoryAccessFailed: 12,
  gitOperationFailed: 13,
  /** Cancelled by Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  cancelled: 130,
} as const;

/** The exit code of each failure reason of a job (`PipelineError.reason`). */
export const REASON_EXIT_CODES: Readonly<Record<PipelineFailureReason, number>> = {
  export_failed: EXIT_CODES.exportFailed,
  translation_failed: EXIT_CODES.translationFailed,
  repository_access_failed: EXIT_CODES.repositoryAccessFailed,
  git_operation_failed: EXIT_CODES.gitOperationFailed,
  invalid_page_id: EXIT_CODES.invalidPageId,
  cancelled: EXIT_CODES.cancelled,
  unknown_error: EXIT_CODES.failed,
};

export function exitCodeForReason(reason: string): number {
  return (REASON_EXIT_CODES as Record<string, number>)[reason] ?? EXIT_CODES.failed;
}

/** The table as `--help` and the README show it. */
export const EXIT_CODES_HELP = [
  `  ${EXIT_CODES.success}    success (also when there was nothing new to push)`,
  `  ${EXIT_CODES.failed}    the job failed (unknown_error); the reason is on stderr`,
  `  ${EXIT_CODES.usage}    usage error: a bad or missing flag`,
  `  ${EXIT_CODES.configuration}    configuration error: a bad or missing setting (the message names the variable)`,
  `  ${EXIT_CODES.invalidPageId}    invalid_page_id: the page id is malformed or not in the solution`,
  `  ${EXIT_CODES.exportFailed}   export_failed`,
  `  ${EXIT_CODES.translationFailed}   translation_failed`,
  `  ${EXIT_CODES.repositoryAccessFailed}   repository_access_failed`,
  `  ${EXIT_CODES.gitOperationFailed}   git_operation_failed`,
  `  ${EXIT_CODES.cancelled}  cancelled by Ctrl-C (a second Ctrl-C exits at once)`,
].join('\n');
