import { buildAnswer } from './answer';
import { parseChatRequest } from './chat-request';
import { completionBody, completionChunks, usageOf } from './completion';
import type { Handler } from './context';
import { insufficientQuota, invalidRequest, rateLimited, serverError } from './errors';
import { parseJsonBody, pause, readBody, sendJson } from './http-io';
import { lastUserMessage } from './prompt-reader';
import { countPromptTokens, countTextTokens } from './tokens';

/**
 * `POST /v1/chat/completions`. Order: validate the body (a 400 consumes no fault), wait `delayMs`,
 * consume a rejection fault (429, 500), then answer (consuming the answer faults), streamed or not.
 */
export const handleChatCompletions: Handler = async ({ request, response, signal }, context) => {
  const { settings, faults, stats } = context;
  const chat = parseChatRequest(parseJsonBody(await readBody(request, settings.maxBodyBytes)), settings.models);
  const user = lastUserMessage(chat.messages);
  if (user === undefined) {
    throw invalidRequest('The emulator translates the last user message, and there is none.', 'messages');
  }

  await pause(faults.delayMs, signal);
  if (signal.aborted) return;

  const rejection = faults.takeRejection();
  if (rejection?.kind === 'rateLimit') throw rateLimited(chat.model, rejection.retryAfterSeconds);
  if (rejection?.kind === 'insufficientQuota') throw insufficientQuota();
  if (rejection?.kind === 'serverError') throw serverError();

  const answer = buildAnswer(chat, user, settings, faults.takeAnswerFaults());
  const promptTokens = countPromptTokens(chat.messages.map((message) => message.text));
  const completionTokens = countTextTokens(answer.refusal ?? answer.content);
  const usage = usageOf(promptTokens, completionTokens);
  const meta = { id: context.nextCompletionId(), created: Math.floor(settings.clock() / 1000), model: chat.model };
  stats.completion(promptTokens, completionTokens);

  if (!chat.stream) {
    sendJson(response, 200, completionBody(meta, answer, usage));
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const chunk of completionChunks(meta, answer, chat.includeUsage ? usage : undefined, settings.streamChunkSize)) {
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  response.end('data: [DONE]\n\n');
};
