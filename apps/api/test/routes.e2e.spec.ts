import { ApiWorld } from './harness/api-world';
import { REDIRECT_PATH } from './harness/env';
import { SECRETS, secretsIn } from './harness/secrets';
import { authCases } from './routes/auth.cases';
import { jobsCases } from './routes/jobs.cases';
import { manualsCases } from './routes/manuals.cases';
import { ownershipCases } from './routes/ownership.cases';
import { platformCases } from './routes/platform.cases';
import { annPublish, bobPublish, root } from './routes/routes.context';
import type { Json, RoutesContext } from './routes/routes.context';

/**
 * Every route's JSON as the original's frontend reads it (seed contract §2–§4), the errors it answers
 * (401/403/404/409/413/422), and who may see what (issue 9's "user A cannot …"). One API + worker for the
 * file; Ann publishes the whole manual, Bob one page. The cases live in routes/, in the order they run.
 */
describe('the API over HTTP: routes, shapes, errors and ownership', () => {
  const world = new ApiWorld({ name: 'routes' });
  const ctx: RoutesContext = { world, annJob: {}, bobJob: {} };

  beforeAll(async () => {
    const ann = await world.api.post(root('/publish'), { token: world.token('ann'), body: annPublish() });
    const bob = await world.api.post(root('/publish'), { token: world.token('bob'), body: bobPublish() });
    if (ann.status !== 200 || bob.status !== 200) throw new Error(`publish answered ${ann.status} ${ann.text} / ${bob.status} ${bob.text}`);
    await world.waitForEnd(ann.body.job_id as string);
    await world.waitForEnd(bob.body.job_id as string);
    ctx.annJob = (await world.api.get(root(`/jobs/${ann.body.job_id}`), { token: world.token('ann') })).body as Json;
    ctx.bobJob = (await world.api.get(root(`/jobs/${bob.body.job_id}`), { token: world.token('bob') })).body as Json;
    // The worker sends the notifications after the terminal record.
    await world.notificationsOf('ann', ctx.annJob.job_id as string, 2);
    await world.notificationsOf('bob', ctx.bobJob.job_id as string, 2);
  }, 120_000);

  platformCases(ctx);
  authCases(ctx);
  manualsCases(ctx);
  jobsCases(ctx);
  ownershipCases(ctx);

  it('(the secret scan finds a secret in any of the forms it looks for)', () => {
    expect(secretsIn(`token=${SECRETS.gitToken.slice(0, 12)}…`)).toEqual(['gitToken']);
    expect(secretsIn(Buffer.from(SECRETS.notionToken).toString('base64'))).toEqual(['notionToken']);
    expect(secretsIn(encodeURIComponent(SECRETS.webhookSecret))).toEqual(['webhookSecret']);
    expect(secretsIn('nothing to see')).toEqual([]);
  });

  it('keeps every secret (tokens, keys, webhook and client secrets) out of its output and every answer', async () => {
    // One more failure path that tends to echo configuration: Keycloak refusing the client.
    await world.api.get(REDIRECT_PATH, { query: { code: 'forged-code' } });
    expect(world.leakedSecrets()).toEqual({ apiOutput: [], workerOutput: [], bodies: [] });
    expect(world.api.bodies.length).toBeGreaterThan(50);
  });

  it('never answered a 5xx in the whole file', () => {
    expect(world.api.calls.filter((call) => call.status >= 500)).toEqual([]);
  });
});
