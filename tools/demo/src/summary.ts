import type { JobView } from './api-client';
import type { DemoServices } from './services';
import { BRANCH, GIT_TOKEN, NOTION_TOKEN, REPO } from './services';
import { withoutPassword } from './redis';
import type { ClonedBranch } from '@zmp-manual/git-server';

export interface SummaryInput {
  services: DemoServices;
  token: string;
  username: string;
  jobId: string;
  job: JobView;
  clone: ClonedBranch;
  seconds: number;
}

const short = (sha: string | undefined) => (sha ? sha : '(none: nothing new to push)');

/** The job's result and the pushed tree, as cloned back from the remote. */
export function resultLines({ services, jobId, job, clone, seconds }: SummaryInput): string[] {
  const counters = Object.entries(job.counters ?? {})
    .filter(([, value]) => typeof value === 'number' && value > 0)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  return [
    '',
    `Job ${jobId} ${job.status} in ${seconds.toFixed(1)} s on ${job.worker ?? 'a worker'}: ${job.message}`,
    ...(counters ? [`  counters            ${counters}`] : []),
    `  export commit       ${short(job.commits.export)}`,
    `  translation commit  ${short(job.commits.translation)}`,
    ...(job.artifact ? [`  artifact            ${job.artifact.size_bytes} bytes, sha-256 ${job.artifact.sha256}`] : []),
    '',
    `The pushed Docusaurus tree: branch ${BRANCH} of ${services.repoUrl}`,
    `cloned into ${clone.dir} (kept for you to look at; rm -rf it when done)`,
    `  git log (newest first):`,
    ...clone.log.map((entry) => `    ${entry.sha}  ${entry.message}`),
    `  ${clone.files.length} files:`,
    ...clone.files.map((file) => `    ${file}`),
  ];
}

/** How to reach every service, and curl commands against the API with the dev token. */
export function tryLines({ services, token, username, jobId }: SummaryInput, running: boolean): string[] {
  const api = services.apiUrl;
  const auth = '-H "Authorization: Bearer $TOKEN"';
  const body = JSON.stringify({ notion_page_id: services.rootPageId, selected_solution: 'zcp', target_languages: ['ko'], title: 'zcp', is_directory: true });
  return [
    '',
    running ? 'Running (until Ctrl-C):' : 'What ran (stopped now; `npm run demo -- --keep` keeps it all running):',
    `  API          ${api}   Swagger UI ${api}/api-docs   console ${api}/console/ (paste the token below)   (AUTH_MODE=dev, pid ${services.api.pid})`,
    `  worker       pid ${services.worker.pid}, health ${services.workerHealthUrl}`,
    `  Redis        ${withoutPassword(services.redis.url)}${services.redis.server ? ' (throwaway redis-server)' : ''}, keys under "${services.keyPrefix}"`,
    `  Notion API   ${services.notion.url}   token ${NOTION_TOKEN}, root page ${services.rootPageId}`,
    ...(services.openai ? [`  OpenAI API   ${services.openai.baseURL}   key ${services.openai.apiKey}`] : ['  translation  pseudo provider (no OpenAI emulator)']),
    `  git server   ${services.git.url}   repository ${services.repoUrl} (user x-access-token, password ${GIT_TOKEN})`,
    '',
    `Try the API by hand (token of user "${username}" with roles manual-publisher and manual-admin):`,
    `  export TOKEN='${token}'`,
    `  curl -s ${auth} ${api}/auth/me`,
    `  curl -s ${auth} ${api}/sidebar`,
    `  curl -s ${auth} '${api}/manuals?selected_solution=zcp'`,
    `  curl -s ${auth} ${api}/jobs/${jobId}`,
    `  curl -s ${auth} '${api}/jobs?page=1&size=10'`,
    `  curl -s ${auth} '${api}/notifications?include_read=true'`,
    `  curl -sL ${auth} -o site.zip ${api}/jobs/${jobId}/artifact`,
    `  curl -s ${auth} -H 'Content-Type: application/json' -d '${body}' ${api}/publish`,
    `  curl -sN ${auth} ${api}/watch/<job_id from the line above>`,
    `  git clone -b ${BRANCH} http://x-access-token:${GIT_TOKEN}@${services.git.url.replace(/^http:\/\//, '')}/${REPO}.git`,
  ];
}
