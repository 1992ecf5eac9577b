import { secretsOf } from './command-secrets';

describe('secretsOf', () => {
  it('takes the values of the secret variables the pipeline marks, trimmed, and nothing else', () => {
    const env = { NOTION_TOKEN: ' secret_notion ', GITHUB_TOKEN: '', OPENAI_API_KEY: 'sk-key', GITHUB_REPO_URL: 'https://git.example/site.git' };
    expect(secretsOf(env)).toEqual(['secret_notion', 'sk-key']);
  });
});
