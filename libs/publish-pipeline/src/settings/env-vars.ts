/** One environment variable the settings read. */
export interface SettingsEnvVar {
  /** The name; `<SOL>` stands for each solution of `SOLUTIONS`, upper-cased (`ZCP_ROOT_PAGE_ID`). */
  name: string;
  /** The default as text, or `null` when there is none. */
  default: string | null;
  description: string;
  /** Printed as `***` by `redactSettings`, never logged. */
  secret?: boolean;
  required?: boolean;
}

/** Every variable `loadSettings` reads, in the order a README or `--help` should show them. */
export const SETTINGS_ENV_VARS: readonly SettingsEnvVar[] = [
  { name: 'NOTION_TOKEN', default: null, required: true, secret: true, description: 'Notion integration token.' },
  { name: 'NOTION_BASE_URL', default: null, description: "Notion API base URL (no /v1), e.g. a local emulator; default Notion's own." },
  { name: 'NOTION_RATE_LIMIT', default: '3', description: 'Notion requests per second shared by an export (0 turns the limit off; Retry-After is still honoured).' },
  { name: 'SOLUTIONS', default: 'zcp,apim,amdp', description: 'Comma-separated solution ids (lower-case letters, digits, - and _). A solution without a root page id is not configured.' },
  { name: '<SOL>_ROOT_PAGE_ID', default: null, description: "The solution's root Notion page (32 hex digits, dashed or not), e.g. ZCP_ROOT_PAGE_ID. At least one solution needs one." },
  { name: 'GITHUB_REPO_URL', default: null, description: 'The Docusaurus site repository, https://host/org/site.git, without credentials (needed to publish).' },
  { name: 'GITHUB_BRANCH', default: 'develop', description: 'The branch publishes push to.' },
  { name: 'GITHUB_TOKEN', default: null, secret: true, description: 'Token for the repository (sent only through git auth, never in a URL).' },
  { name: '<SOL>_REPO_URL', default: 'GITHUB_REPO_URL', description: "A solution's own repository, e.g. APIM_REPO_URL." },
  { name: '<SOL>_BRANCH', default: 'GITHUB_BRANCH', description: "A solution's own branch, e.g. APIM_BRANCH." },
  { name: 'SITE_LAYOUT', default: 'single', description: 'single (one docs plugin for every solution) or per-solution (one docs plugin instance per solution, as the original service).' },
  { name: 'TARGET_LANGUAGES', default: 'ko,ja,zh', description: 'Comma-separated canonical BCP-47 tags to translate into; none for no translation.' },
  { name: 'TRANSLATION_PROVIDER', default: 'openai when OPENAI_API_KEY is set, else pseudo', description: 'openai (any OpenAI-compatible API) or pseudo (offline pseudo-localisation).' },
  { name: 'OPENAI_API_KEY', default: null, secret: true, description: 'API key of the OpenAI-compatible API (required with TRANSLATION_PROVIDER=openai).' },
  { name: 'OPENAI_BASE_URL', default: null, description: "OpenAI-compatible base URL including /v1, e.g. a local emulator; default OpenAI's own." },
  { name: 'OPENAI_MODEL', default: 'gpt-4o-mini', description: 'Model used for translation (part of every translation-memory key).' },
  { name: 'MAX_CHUNK_SIZE', default: '2000', description: 'Estimated tokens of text per translation request.' },
  { name: 'MAX_CONCURRENT_REQUESTS', default: '5', description: 'Translation requests at once, across every file and language.' },
  { name: 'GIT_AUTHOR_NAME', default: 'zmp-manual', description: 'Author (and committer) name of publish commits.' },
  { name: 'GIT_AUTHOR_EMAIL', default: 'zmp-manual@localhost', description: 'Author (and committer) e-mail of publish commits.' },
];
