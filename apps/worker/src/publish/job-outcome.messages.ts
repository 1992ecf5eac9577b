import type { FailureReason, NotificationInput, PublishJobPayload } from '@zmp-manual/job-events';

/** The original service's messages (seed contract §5.2, §5.4). */
export const STARTING_MESSAGE = 'Starting publication process';
export const COMPLETED_MESSAGE = 'Manual published successfully and pushed to GitHub';
export const CANCELLED_MESSAGE = 'Publication cancelled';

export function retryLogLine(attempt: number): string {
  return `Attempt ${attempt}: the previous worker stopped (re-running from the start)`;
}

/** The notification title of a failure, by reason (the original's three titles). */
export function failureTitle(reason: FailureReason): string {
  switch (reason) {
    case 'export_failed':
      return 'Manual Export Failed';
    case 'translation_failed':
      return 'Manual Translation Failed';
    default:
      return 'Manual Publication Failed';
  }
}

/** The message of a job that failed outside the pipeline's own errors (theirs are sentences already). */
export function publicationFailed(detail: string): string {
  const text = detail.trim();
  return text ? `Publication failed: ${text}` : 'Publication failed.';
}

type JobNotification = Omit<NotificationInput, 'status' | 'title' | 'message'>;

/** The fields every job notification carries, as the original sent them. */
function aboutJob(payload: PublishJobPayload): JobNotification {
  return {
    solution: payload.solution,
    user_id: payload.initiated_by,
    job_id: payload.job_id,
    document_title: payload.title,
    notification_type: 'job_result',
    node: { notion_page_id: payload.notion_page_id, title: payload.title, is_directory: payload.is_directory, parent_id: payload.parent_id },
  };
}

export function startedNotification(payload: PublishJobPayload): NotificationInput {
  const what = payload.title ? `${payload.solution}: ${payload.title}` : payload.solution;
  return { ...aboutJob(payload), status: 'processing', title: 'Manual Publication Started', message: `Starting publication process for ${what}` };
}

export function completedNotification(payload: PublishJobPayload): NotificationInput {
  return {
    ...aboutJob(payload),
    status: 'success',
    title: 'Manual Publication Complete',
    message: `The manual for '${payload.solution}' has been published successfully and pushed to GitHub.`,
  };
}

export function failedNotification(payload: PublishJobPayload, reason: FailureReason, message: string): NotificationInput {
  return { ...aboutJob(payload), status: 'error', title: failureTitle(reason), message };
}

export function cancelledNotification(payload: PublishJobPayload): NotificationInput {
  return {
    ...aboutJob(payload),
    status: 'info',
    title: 'Manual Publication Cancelled',
    message: `The publication for '${payload.solution}' was cancelled; nothing was pushed.`,
  };
}
