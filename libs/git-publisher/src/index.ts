export { redactUrl, repositoryKey } from './repository-key';
