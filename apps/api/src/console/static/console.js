// The console's entry point: sign in, then solutions (`sidebar`), the manual tree (`manuals`), publishing
// (`publish`), jobs and notifications.
import { ApiClient } from './api-client.js';
import { completeKeycloakLogin, startKeycloakLogin, tokens } from './auth.js';
import { byId, el, say } from './dom.js';
import { JobsView } from './jobs-view.js';
import { buildTree } from './manual-tree.js';
import { NotificationsView } from './notifications-view.js';

const state = { config: null, selected: null };
const api = new ApiClient(tokens, () => signedOut('Your session has ended: sign in again.'));
const jobs = new JobsView(api, byId('jobs'), { onFinished: () => notifications.load().catch((error) => say(error.message)) });
const notifications = new NotificationsView(api, byId('notifications'), byId('unread'));

function signedOut(message) {
  tokens.clear();
  jobs.closeAll();
  notifications.stop();
  byId('workspace').hidden = true;
  byId('sign-out').hidden = true;
  byId('who').textContent = '';
  byId('sign-in').hidden = false;
  say(message, 'info');
}

async function signedIn() {
  const me = await api.request('GET', 'auth/me');
  byId('who').textContent = `${me.username}${me.is_publisher ? '' : ' (read only)'}`;
  byId('sign-in').hidden = true;
  byId('sign-out').hidden = false;
  byId('workspace').hidden = false;
  say('');
  const { solutions } = await api.request('GET', 'sidebar');
  const select = byId('solution');
  select.replaceChildren(...solutions.map((s) => el('option', { value: s.solution_type }, `${s.name} (${s.solution_type})`)));
  await Promise.all([loadTree(), jobs.load(), notifications.start()]);
}

async function loadTree() {
  const solution = byId('solution').value;
  const tree = byId('tree');
  select(null);
  tree.replaceChildren(el('li', {}, 'Loading…'));
  const { items } = await api.request('GET', `manuals?selected_solution=${encodeURIComponent(solution)}`);
  tree.replaceChildren(...buildTree(items).map(treeItem));
}

function treeItem(node) {
  const { item } = node;
  const label = el('button', { type: 'button', class: `node ${item.is_directory ? 'directory' : 'page'}`, 'data-id': item.object_id, title: item.notion_url ?? '' }, item.title);
  label.addEventListener('click', () => select(item, label));
  const children = node.children.length ? el('ul', {}, ...node.children.map(treeItem)) : null;
  return el('li', {}, label, children);
}

function select(item, label) {
  state.selected = item;
  for (const node of document.querySelectorAll('.node.selected')) node.classList.remove('selected');
  label?.classList.add('selected');
  byId('selected-page').textContent = item ? `${item.title}${item.is_directory ? ' (and its pages)' : ''}` : 'none selected';
  byId('publish').disabled = !item;
}

function renderLanguages(config) {
  const box = byId('languages');
  box.replaceChildren(el('legend', {}, 'Languages'));
  for (const lang of config.languages) {
    box.append(el('label', {}, el('input', { type: 'checkbox', name: 'lang', value: lang, checked: config.defaultLanguages.includes(lang) }), ` ${lang}`));
  }
}

async function publish(event) {
  event.preventDefault();
  const item = state.selected;
  if (!item) return;
  const languages = [...document.querySelectorAll('input[name="lang"]:checked')].map((input) => input.value);
  if (!languages.length) {
    say('Choose at least one language.');
    return;
  }
  byId('publish').disabled = true;
  try {
    const { job_id } = await api.request('POST', 'publish', {
      notion_page_id: item.object_id,
      selected_solution: byId('solution').value,
      target_languages: languages,
      title: item.title,
      is_directory: item.is_directory,
      parent_id: item.parent_id,
    });
    say(`Publishing ${item.title} into ${languages.join(', ')} (job ${job_id})`, 'info');
    await jobs.track(job_id);
  } catch (error) {
    say(`Publish failed: ${error.message}`);
  } finally {
    byId('publish').disabled = !state.selected;
  }
}

const guard = (action) => (...args) => Promise.resolve(action(...args)).catch((error) => say(error.message));

async function main() {
  state.config = await (await fetch('config.json')).json();
  renderLanguages(state.config);
  const keycloak = state.config.keycloak;
  byId('keycloak-login').hidden = !keycloak;
  byId('keycloak-submit').addEventListener('click', guard(() => startKeycloakLogin(keycloak)));
  byId('token-form').addEventListener('submit', guard(async (event) => {
    event.preventDefault();
    const token = byId('token-input').value.trim();
    if (!token) return;
    tokens.set(token);
    byId('token-input').value = '';
    await signedIn();
  }));
  byId('sign-out').addEventListener('click', () => signedOut('Signed out.'));
  byId('solution').addEventListener('change', guard(loadTree));
  byId('refresh-tree').addEventListener('click', guard(loadTree));
  byId('refresh-jobs').addEventListener('click', guard(() => jobs.load()));
  byId('publish-form').addEventListener('submit', guard(publish));

  try {
    await completeKeycloakLogin(keycloak);
  } catch (error) {
    signedOut(error.message);
    return;
  }
  if (tokens.get()) await signedIn();
  else byId('sign-in').hidden = false;
}

main().catch((error) => {
  byId('sign-in').hidden = false;
  say(error.message);
});
