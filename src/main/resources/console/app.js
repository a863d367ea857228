import { h } from './dom.js';
import { call, setCsrf, ApiError } from './api.js';
import { initialLanguage, load, t, language } from './i18n.js';

// The pages, by role.
const PAGES = {
  playground: { roles: ['tenant'], load: () => import('./pages/playground.js') },
  jobs: { roles: ['tenant', 'operator'], load: () => import('./pages/jobs.js') },
  usage: { roles: ['tenant', 'operator'], load: () => import('./pages/usage.js') },
  tenants: { roles: ['operator'], load: () => import('./pages/tenants.js') },
  keys: { roles: ['operator'], load: () => import('./pages/keys.js') },
  credits: { roles: ['operator'], load: () => import('./pages/credits.js') },
  prices: { roles: ['operator'], load: () => import('./pages/prices.js') },
  channels: { roles: ['operator'], load: () => import('./pages/channels.js') },
  webhooks: { roles: ['tenant', 'operator'], load: () => import('./pages/webhooks.js') },
  policy: { roles: ['operator'], load: () => import('./pages/policy.js') },
};

let session = null;

async function start() {
  const lang = document.getElementById('lang');
  await load(initialLanguage());
  lang.value = language();
  lang.addEventListener('change', async () => { await load(lang.value); render(); });
  document.getElementById('signin-form').addEventListener('submit', signIn);
  document.getElementById('signout').addEventListener('click', signOut);
  window.addEventListener('hashchange', render);
  try {
    session = await call('GET', '/console/session');
    setCsrf(session.csrf_token);
  } catch { session = null; }
  render();
}

async function signIn(e) {
  e.preventDefault();
  const input = document.getElementById('signin-key');
  const error = document.getElementById('signin-error');
  error.textContent = '';
  try {
    session = await call('POST', '/console/session', { key: input.value });
    setCsrf(session.csrf_token);
    input.value = '';
    const target = session.role === 'operator' ? '#/jobs' : '#/playground';
    if (location.hash === target) render(); else location.hash = target; // the hash change renders
  } catch (err) {
    error.textContent = err instanceof ApiError ? err.message : String(err);
  }
}

async function signOut() {
  try { await call('DELETE', '/console/session'); } catch { /* ended already */ }
  session = null;
  setCsrf(null);
  location.hash = '';
  render();
}

function pageName() {
  const name = location.hash.replace(/^#\//, '').split('?')[0];
  const allowed = Object.keys(PAGES).filter(p => PAGES[p].roles.includes(session.role));
  return allowed.includes(name) ? name : allowed[0];
}

async function render() {
  const signedIn = !!session;
  document.getElementById('signin').hidden = signedIn;
  document.getElementById('signout').hidden = !signedIn;
  const nav = document.getElementById('nav');
  nav.hidden = !signedIn;
  // Each render draws into its own view: a render overtaken by a newer one (a hash change) draws into a detached view.
  const view = h('div');
  document.getElementById('page').replaceChildren(view);
  document.getElementById('who').textContent = signedIn ? t('role.' + session.role) : '';
  if (!signedIn) { document.getElementById('signin-key').focus(); return; }
  const current = pageName();
  nav.replaceChildren(...Object.entries(PAGES).filter(([, p]) => p.roles.includes(session.role)).map(([name]) =>
    h('a', { href: '#/' + name, 'aria-current': name === current ? 'page' : null, id: 'nav-' + name },
      t('nav.' + name))));
  document.title = t('nav.' + current) + ' · Vidgate';
  const def = PAGES[current];
  const module = await def.load();
  try {
    await module.render(view, { role: session.role, onSessionEnded: () => { session = null; render(); } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { session = null; render(); return; }
    view.append(h('p', { class: 'error', role: 'alert' }, err.message));
  }
}

start();
