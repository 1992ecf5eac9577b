export { ConfigError } from './config.error';
export { booleanVar, integerVar, optionalIntegerVar, optionalSecretVar, positiveNumberVar, redisUrlVar, stringVar } from './env-fields';
export { SecretRedactor } from './secret-redactor';
