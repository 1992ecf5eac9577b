import { invalidRequest, modelNotFound } from './errors';
import { checkStrictSchema } from './json-schema';

export const CHAT_ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** A message with its content flattened to text (text parts joined; other parts carry no text). */
export interface ChatMessage {
  role: ChatRole;
  text: string;
}

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown> | undefined; strict: boolean };

/** The parts of a chat-completion request the emulator acts on; everything else is accepted and ignored. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  responseFormat: ResponseFormat;
  stream: boolean;
  includeUsage: boolean;
  /** `max_completion_tokens`, else `max_tokens`. */
  maxTokens: number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const missing = (param: string) =>
  invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
const wrongType = (param: string, expected: string) =>
  invalidRequest(`Invalid type for '${param}': expected ${expected}.`, param, 'invalid_type');

/** Validates a parsed JSON body the way the OpenAI API does (for the fields the emulator uses). */
export function parseChatRequest(body: unknown, models: readonly string[]): ChatRequest {
  if (!isRecord(body)) throw invalidRequest('The request body must be a JSON object.');
  const model = body.model;
  if (typeof model !== 'string' || model === '') throw invalidRequest('you must provide a model parameter', 'model');
  if (!models.includes(model)) throw modelNotFound(model);

  const messages = parseMessages(body.messages);
  const stream = parseOptionalBoolean(body.stream, 'stream') ?? false;
  let includeUsage = false;
  if (body.stream_options !== undefined && body.stream_options !== null) {
    if (!stream) {
      throw invalidRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
    }
    if (!isRecord(body.stream_options)) throw wrongType('stream_options', 'an object');
    includeUsage = parseOptionalBoolean(body.stream_options.include_usage, 'stream_options.include_usage') ?? false;
  }
  if (body.n !== undefined && body.n !== null && body.n !== 1) {
    throw invalidRequest('The emulator answers with one choice only: n must be 1.', 'n', 'invalid_value');
  }
  const responseFormat = parseResponseFormat(body.response_format);
  if (responseFormat.type === 'json_object' && !messages.some((m) => /json/i.test(m.text))) {
    throw invalidRequest(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      'messages',
    );
  }
  const maxTokens =
    parseOptionalPositiveInteger(body.max_completion_tokens, 'max_completion_tokens') ??
    parseOptionalPositiveInteger(body.max_tokens, 'max_tokens');
  return { model, messages, responseFormat, stream, includeUsage, maxTokens };
}

function parseMessages(value: unknown): ChatMessage[] {
  if (value === undefined || value === null) throw missing('messages');
  if (!Array.isArray(value)) throw wrongType('messages', 'an array');
  if (value.length === 0) {
    throw invalidRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  return value.map((message: unknown, index) => parseMessage(message, `messages[${index}]`));
}

function parseMessage(message: unknown, where: string): ChatMessage {
  if (!isRecord(message)) throw wrongType(where, 'an object');
  const role = message.role;
  if (role === undefined) throw missing(`${where}.role`);
  if (typeof role !== 'string' || !(CHAT_ROLES as readonly string[]).includes(role)) {
    throw invalidRequest(
      `Invalid value: ${JSON.stringify(role)}. Supported values are: ${CHAT_ROLES.map((r) => `'${r}'`).join(', ')}.`,
      `${where}.role`,
      'invalid_value',
    );
  }
  const content = message.content;
  if (content === undefined || content === null) {
    if (role === 'assistant') return { role, text: '' };
    throw missing(`${where}.content`);
  }
  if (typeof content === 'string') return { role: role as ChatRole, text: content };
  if (!Array.isArray(content)) throw wrongType(`${where}.content`, 'a string or an array of content parts');
  const texts = content.map((part: unknown, index) => {
    if (!isRecord(part) || typeof part.type !== 'string') throw wrongType(`${where}.content[${index}]`, 'a content part');
    if (part.type !== 'text') return '';
    if (typeof part.text !== 'string') throw missing(`${where}.content[${index}].text`);
    return part.text;
  });
  return { role: role as ChatRole, text: texts.join('') };
}

function parseResponseFormat(value: unknown): ResponseFormat {
  if (value === undefined || value === null) return { type: 'text' };
  if (!isRecord(value)) throw wrongType('response_format', 'an object');
  switch (value.type) {
    case 'text':
    case 'json_object':
      return { type: value.type };
    case 'json_schema': {
      const spec = value.json_schema;
      if (spec === undefined || spec === null) throw missing('response_format.json_schema');
      if (!isRecord(spec)) throw wrongType('response_format.json_schema', 'an object');
      if (spec.name === undefined) throw missing('response_format.json_schema.name');
      if (typeof spec.name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(spec.name)) {
        throw invalidRequest(
          "Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]{1,64}$.",
          'response_format.json_schema.name',
          'invalid_value',
        );
      }
      if (spec.schema !== undefined && !isRecord(spec.schema)) throw wrongType('response_format.json_schema.schema', 'an object');
      const strict = parseOptionalBoolean(spec.strict, 'response_format.json_schema.strict') ?? false;
      if (strict) checkStrictSchema(spec.name, spec.schema);
      return { type: 'json_schema', name: spec.name, schema: spec.schema, strict };
    }
    default:
      throw invalidRequest(
        `Invalid value: ${JSON.stringify(value.type)}. Supported values are: 'text', 'json_object', and 'json_schema'.`,
        'response_format.type',
        'invalid_value',
      );
  }
}

function parseOptionalBoolean(value: unknown, param: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(param, 'a boolean');
  return value;
}

function parseOptionalPositiveInteger(value: unknown, param: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(param, 'a positive integer');
  if (value < 1) {
    throw invalidRequest(`Invalid '${param}': integer below minimum value. Expected a value >= 1, but got ${value} instead.`, param, 'integer_below_min_value');
  }
  return value;
}
