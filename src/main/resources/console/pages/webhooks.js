import { h, field, table, when } from '../dom.js';
import { get, post, del, query } from '../api.js';
import { t } from '../i18n.js';
import { secretBox, attempt, scrolling } from './shared.js';

const EVENTS = ['video.completed', 'video.failed', 'video.cancelled'];

/**
 * Webhook endpoints: the operator's are every tenant's (`/admin/v1/webhooks`, with enable / disable and the delivery
 * log with redelivery), a tenant's its own (`/v1/webhooks`). A new or rotated secret is shown once.
 */
export async function render(root, { role }) {
  const operator = role === 'operator';
  const base = operator ? '/admin/v1/webhooks' : '/v1/webhooks';
  const error = h('p', { class: 'error', role: 'alert' });
  const secret = h('div', { 'aria-live': 'polite' });
  const list = h('div', { id: 'webhook-list', ...scrolling(t('nav.webhooks')) });
  const deliveries = h('div', { id: 'webhook-deliveries', ...scrolling(t('hooks.deliveries')) });
  const tenants = operator ? (await get('/admin/v1/tenants?limit=100')).data : [];
  const tenant = operator ? h('select', { name: 'tenant' }, tenants.map(x => h('option', { value: x.name }, x.name))) : null;
  const url = h('input', { type: 'url', name: 'url', required: true, placeholder: 'https://example.com/hooks' });
  const boxes = EVENTS.map(e => h('input', { type: 'checkbox', name: 'events', value: e, checked: e !== 'video.cancelled' }));
  const priv = operator ? h('input', { type: 'checkbox', name: 'allow_private' }) : null;
  const form = h('form', { class: 'row card', id: 'webhook-create', onsubmit: e => { e.preventDefault(); attempt(error, async () => {
    const body = { url: url.value, events: boxes.filter(b => b.checked).map(b => b.value) };
    if (operator) Object.assign(body, { tenant: tenant.value, allow_private: priv.checked });
    secretBox(secret, await post(base, body));
    url.value = ''; await show();
  }); } },
    operator ? field(t('keys.tenant'), tenant) : null, field(t('hooks.url'), url),
    h('fieldset', { class: 'checks' }, h('legend', {}, t('hooks.events')), boxes.map(b => h('label', { class: 'check' }, b, b.value))),
    operator ? h('label', { class: 'check' }, priv, t('hooks.allowPrivate')) : null,
    h('button', { type: 'submit', id: 'webhook-create-submit' }, t('hooks.create')));
  root.append(h('h1', {}, t('nav.webhooks')), form, error, secret, list, deliveries);

  const act = (label, id, action) => h('button', { type: 'button', class: 'secondary', 'aria-label': label + ' ' + id,
    onclick: () => attempt(error, action) }, label);

  async function show() {
    const endpoints = (await get(base + query({ limit: 100 }))).data;
    list.replaceChildren(endpoints.length ? table([t('jobs.id'), operator ? t('keys.tenant') : null, t('hooks.url'), t('hooks.events'),
      t('keys.hint'), t('hooks.state'), t('jobs.created'), t('keys.actions')].filter(Boolean),
    endpoints.map(w => h('tr', {}, h('td', {}, w.id), operator ? h('td', {}, w.tenant_id) : null, h('td', {}, w.url),
      h('td', {}, w.events.join(', ')), h('td', {}, h('code', {}, w.secret_hint)),
      h('td', {}, h('span', { class: 'badge ' + (w.enabled ? 'completed' : 'failed') }, w.enabled ? t('hooks.enabled') : t('hooks.disabled')),
        w.disabled_reason ? ' ' + w.disabled_reason : ''),
      h('td', {}, when(w.created_at)),
      h('td', { class: 'row' },
        act(t('keys.rotate'), w.id, async () => { secretBox(secret, await post(base + '/' + w.id + '/rotate')); await show(); }),
        operator ? act(w.enabled ? t('keys.disable') : t('keys.enable'), w.id,
          async () => { await post(base + '/' + w.id, { enabled: !w.enabled }); await show(); }) : null,
        operator ? act(t('hooks.deliveries'), w.id, () => showDeliveries(w.id)) : null,
        act(t('hooks.delete'), w.id, async () => {
          if (!confirm(t('hooks.confirmDelete', { id: w.id }))) return;
          await del(base + '/' + w.id); deliveries.replaceChildren(); await show();
        })))))
      : h('p', { class: 'muted' }, t('hooks.none')));
  }

  async function showDeliveries(id) {
    const items = (await get(base + '/' + id + '/deliveries' + query({ limit: 20 }))).data;
    deliveries.replaceChildren(h('h2', {}, t('hooks.deliveriesOf', { id })), items.length ? table([t('jobs.id'), t('hooks.type'),
      t('jobs.status'), { text: t('hooks.attempts'), num: true }, t('hooks.lastAttempts'), t('jobs.created'), t('keys.actions')],
    items.map(d => h('tr', {}, h('td', {}, d.id), h('td', {}, d.type + ' · ' + (d.video_id ?? '')),
      h('td', {}, h('span', { class: 'badge ' + (d.status === 'delivered' ? 'completed' : d.status === 'failed' ? 'failed' : 'queued') }, d.status)),
      h('td', { class: 'num' }, d.attempt_count),
      h('td', {}, h('ul', {}, (d.attempts ?? []).map(a => h('li', {},
        '#' + a.attempt + ' ' + when(a.started_at) + ' · ' + (a.status_code ?? '—') + ' · ' + a.latency_ms + ' ms' + (a.error ? ' · ' + a.error : ''))))),
      h('td', {}, when(d.created_at)),
      h('td', {}, act(t('hooks.redeliver'), d.id, async () => {
        await post(base + '/' + id + '/deliveries/' + d.id + '/redeliver'); await showDeliveries(id);
      })))))
      : h('p', { class: 'muted' }, t('hooks.noDeliveries')));
  }
  await show();
}
