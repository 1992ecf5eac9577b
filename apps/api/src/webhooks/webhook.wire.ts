/** The answer to a signed event: what the original sent (`status`, `message`, `event_id`, `timestamp`). */
export interface WebhookAnswer {
  status: 'accepted' | 'ignored';
  message: string;
  event_id: string;
  /** When it was handled (UTC ISO). */
  timestamp: string;
}

/** The answer to Notion's subscription handshake: the token echoed, as the original did. */
export interface VerificationEcho {
  verification_token: string;
}

/** `GET /webhook/notion/{solution}/verification` (admins). */
export interface VerificationBody {
  solution: string;
  verification_token: string;
  received_at: string;
}
