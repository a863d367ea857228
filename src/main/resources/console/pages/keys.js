import { h, field, table, when } from '../dom.js';
import { get, post, query } from '../api.js';
import { t } from '../i18n.js';
import { intOrAbsent, secretBox, attempt, limitsForm } from './shared.js';

/** Keys: make one (its secret shown once), change limits, rotate (a new secret, shown once), disable and enable. */
export async function render(root) {
  const tenants = (await get('/admin/v1/tenants?limit=100')).data;
  const error = h('p', { class: 'error', role: 'alert' });
  const secret = h('div', { 'aria-live': 'polite' });
  const list = h('div', { id: 'key-list' });
  const tenant = h('select', { name: 'tenant' }, tenants.map(x => h('option', { value: x.name }, x.name)));
  const name = h('input', { type: 'text', name: 'name' });
  const rpm = h('input', { type: 'number', name: 'requests_per_minute', min: 1 });
  const conc = h('input', { type: 'number', name: 'max_concurrent', min: 1 });
  const models = h('input', { type: 'text', name: 'allowed_models', placeholder: 'sora-2, sora-2-pro' });
  const form = h('form', { class: 'row card', id: 'key-create', onsubmit: e => { e.preventDefault(); attempt(error, async () => {
    const allowed = models.value.split(',').map(s => s.trim()).filter(Boolean);
    secretBox(secret, await post('/admin/v1/keys', { tenant: tenant.value, name: name.value || undefined,
      requests_per_minute: intOrAbsent(rpm), max_concurrent: intOrAbsent(conc), allowed_models: allowed.length ? allowed : undefined }));
    name.value = ''; await show();
  }); } },
    field(t('keys.tenant'), tenant), field(t('keys.name'), name), field(t('keys.rpm'), rpm), field(t('keys.concurrent'), conc),
    field(t('keys.models'), models), h('button', { type: 'submit', id: 'key-create-submit' }, t('keys.create')));
  root.append(h('h1', {}, t('nav.keys')), form, error, secret, list);

  async function show() {
    const keys = (await get('/admin/v1/keys' + query({ limit: 100 }))).data;
    list.replaceChildren(table([t('jobs.id'), t('keys.name'), t('keys.tenant'), t('keys.hint'), { text: t('keys.rpm'), num: true },
      { text: t('keys.concurrent'), num: true }, t('keys.models'), t('jobs.created'), t('keys.actions')],
    keys.map(k => h('tr', {}, h('td', {}, k.id), h('td', {}, k.name ?? ''), h('td', {}, k.tenant_id), h('td', {}, h('code', {}, k.secret_hint)),
      h('td', { class: 'num' }, k.requests_per_minute ?? '∞'), h('td', { class: 'num' }, k.max_concurrent),
      h('td', {}, k.allowed_models?.length ? k.allowed_models.join(', ') : t('keys.allModels')), h('td', {}, when(k.created_at)),
      h('td', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': t('keys.rotate') + ' ' + k.id,
          onclick: () => attempt(error, async () => { secretBox(secret, await post('/admin/v1/keys/' + k.id + '/rotate')); await show(); }) }, t('keys.rotate')),
        h('button', { type: 'button', class: 'secondary', 'aria-label': (k.disabled ? t('keys.enable') : t('keys.disable')) + ' ' + k.id,
          onclick: () => attempt(error, async () => { await post('/admin/v1/keys/' + k.id, { disabled: !k.disabled }); await show(); }) },
        k.disabled ? t('keys.enable') : t('keys.disable')),
        limitsForm(k.id, [['requests_per_minute', t('keys.rpm'), k.requests_per_minute], ['max_concurrent', t('keys.concurrent'), k.max_concurrent],
          ['max_queued', t('keys.queued'), k.max_queued]], async body => { await post('/admin/v1/keys/' + k.id, body); await show(); }, error))))));
  }
  await show();
}
