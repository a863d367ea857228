import { h, field, table, credits } from '../dom.js';
import { get, post, del } from '../api.js';
import { t } from '../i18n.js';
import { attempt } from './shared.js';

/** The price matrix: every model and resolution, its unit and price; set or reset one. */
export async function render(root) {
  const error = h('p', { class: 'error', role: 'alert' });
  const list = h('div', { id: 'price-list' });
  root.append(h('h1', {}, t('nav.prices')), error, list);

  async function show() {
    const prices = (await get('/admin/v1/prices')).data;
    list.replaceChildren(table([t('jobs.model'), t('prices.resolution'), t('prices.unit'), { text: t('prices.price'), num: true },
      { text: t('prices.audio'), num: true }, t('prices.source'), t('prices.change')],
    prices.map(p => {
      const input = h('input', { type: 'number', min: 0, step: 'any', value: p.price / 1e6, 'aria-label': t('prices.price') + ' ' + p.model + ' ' + p.resolution });
      return h('tr', {}, h('td', {}, p.model), h('td', {}, p.resolution), h('td', {}, p.price_unit), h('td', { class: 'num' }, credits(p.price)),
        h('td', { class: 'num' }, credits(p.audio_surcharge)), h('td', {}, p.source),
        h('td', { class: 'row' }, input,
          h('button', { type: 'button', 'aria-label': t('prices.set') + ' ' + p.model + ' ' + p.resolution, onclick: () => attempt(error, async () => {
            await post('/admin/v1/prices', { model: p.model, resolution: p.resolution, price: Math.round(Number(input.value) * 1e6) }); await show();
          }) }, t('prices.set')),
          p.source === 'operator' ? h('button', { type: 'button', class: 'secondary', onclick: () => attempt(error, async () => {
            await del('/admin/v1/prices/' + encodeURIComponent(p.model) + '/' + encodeURIComponent(p.resolution)); await show();
          }) }, t('prices.reset')) : null));
    })));
  }
  await show();
}
