import { h, field, table, credits, when } from '../dom.js';
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { attempt, limitsForm } from './shared.js';

/** Tenants: make one, see balances and limits, change limits, disable and enable. */
export async function render(root) {
  const list = h('div', { id: 'tenant-list' });
  const error = h('p', { class: 'error', role: 'alert' });
  const name = h('input', { type: 'text', name: 'name', required: true, pattern: '[a-z0-9-]+' });
  const daily = h('input', { type: 'number', name: 'daily_limit', min: 0, step: 'any' });
  const creditLimit = h('input', { type: 'number', name: 'credit_limit', min: 0, step: 'any' });
  const microOf = input => input.value === '' ? undefined : Math.round(Number(input.value) * 1e6);
  const form = h('form', { class: 'row card', id: 'tenant-create', onsubmit: e => { e.preventDefault(); attempt(error, async () => {
    await post('/admin/v1/tenants', { name: name.value, daily_limit: microOf(daily), credit_limit: microOf(creditLimit) });
    name.value = ''; await show();
  }); } },
    field(t('tenants.name'), name), field(t('tenants.daily'), daily), field(t('tenants.creditLimit'), creditLimit),
    h('button', { type: 'submit' }, t('tenants.create')));
  root.append(h('h1', {}, t('nav.tenants')), form, error, list);

  async function show() {
    const tenants = (await get('/admin/v1/tenants?limit=100')).data;
    list.replaceChildren(table([t('tenants.name'), t('jobs.id'), { text: t('usage.balance'), num: true }, { text: t('tenants.held'), num: true },
      { text: t('tenants.daily'), num: true }, { text: t('tenants.creditLimit'), num: true }, t('jobs.created'), t('tenants.state')],
    tenants.map(x => h('tr', {}, h('td', {}, x.name), h('td', {}, x.id), h('td', { class: 'num' }, credits(x.account.balance)),
      h('td', { class: 'num' }, credits(x.account.held)), h('td', { class: 'num' }, credits(x.account.daily_limit)),
      h('td', { class: 'num' }, x.account.credit_limit === null ? t('tenants.postpaid') : credits(x.account.credit_limit)),
      h('td', {}, when(x.created_at)),
      h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': (x.disabled ? t('keys.enable') : t('keys.disable')) + ' ' + x.name,
        onclick: () => attempt(error, async () => { await post('/admin/v1/tenants/' + x.id, { disabled: !x.disabled }); await show(); }) },
      x.disabled ? t('keys.enable') : t('keys.disable')),
      limitsForm(x.name, [['daily_limit', t('tenants.daily'), x.account.daily_limit, 1e6], ['monthly_limit', t('tenants.monthly'), x.account.monthly_limit, 1e6],
        ['credit_limit', t('tenants.creditLimit'), x.account.credit_limit, 1e6]], async body => { await post('/admin/v1/tenants/' + x.id, body); await show(); }, error))))));
  }
  await show();
}
