import { h, field, table, credits, when } from '../dom.js';
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { attempt } from './shared.js';

/** Credits: top up a tenant with a reason; the latest ledger entries. */
export async function render(root) {
  const tenants = (await get('/admin/v1/tenants?limit=100')).data;
  const error = h('p', { class: 'error', role: 'alert' });
  const done = h('p', { class: 'ok', role: 'status' });
  const tenant = h('select', { name: 'tenant' }, tenants.map(x => h('option', { value: x.name }, x.name)));
  const amount = h('input', { type: 'number', name: 'amount', min: 0.000001, step: 'any', required: true });
  const reason = h('input', { type: 'text', name: 'reason', required: true });
  const ledger = h('div', { id: 'ledger' });
  const form = h('form', { class: 'row card', id: 'topup', onsubmit: e => { e.preventDefault(); attempt(error, async () => {
    const entry = await post('/admin/v1/tenants/' + encodeURIComponent(tenant.value) + '/topups',
      { amount: Math.round(Number(amount.value) * 1e6), reason: reason.value });
    done.textContent = t('credits.done', { balance: credits(entry.balance_after) });
    amount.value = ''; reason.value = ''; await show();
  }); } },
    field(t('keys.tenant'), tenant), field(t('credits.amount'), amount), field(t('credits.reason'), reason),
    h('button', { type: 'submit' }, t('credits.topup')));
  root.append(h('h1', {}, t('nav.credits')), form, error, done, h('h2', {}, t('credits.ledger')), ledger);

  async function show() {
    const entries = (await get('/admin/v1/ledger?limit=20')).data;
    ledger.replaceChildren(table([t('jobs.created'), t('keys.tenant'), t('credits.kind'), { text: t('credits.amount'), num: true },
      { text: t('credits.after'), num: true }, t('credits.reason')],
    entries.map(e => h('tr', {}, h('td', {}, when(e.created_at)), h('td', {}, e.tenant_id), h('td', {}, e.kind),
      h('td', { class: 'num' }, credits(e.amount)), h('td', { class: 'num' }, credits(e.balance_after)), h('td', {}, e.reason ?? e.video_id ?? '')))));
  }
  await show();
}
