export { ConfigError } from './config.error';
export { configErrorOf, envProblems, isProblem, settingsOrProblem } from './config-problems';
export type { EnvProblem } from './config-problems';
export {
  booleanVar,
  integerVar,
  optionalHttpUrlVar,
  optionalIntegerVar,
  optionalSecretVar,
  optionalStringVar,
  positiveNumberVar,
  redisUrlVar,
  stringVar,
} from './env-fields';
export { loadConfigOrExit, withoutPassword } from './process-start';
export { SecretRedactor } from './secret-redactor';
