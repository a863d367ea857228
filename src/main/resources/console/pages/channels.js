import { h, table, when } from '../dom.js';
import { get } from '../api.js';
import { t } from '../i18n.js';

/** Channels: each engine's upstream channels with health, circuit and jobs in flight; re-checked on demand. */
export async function render(root) {
  const list = h('div', { id: 'channel-list' });
  const checked = h('p', { class: 'muted', role: 'status' });
  root.append(h('h1', {}, t('nav.channels')),
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'channels-check', onclick: () => show() }, t('channels.check')), checked), list);

  async function show() {
    const channels = (await get('/admin/v1/channels')).data;
    checked.textContent = t('channels.checkedAt', { at: new Date().toLocaleTimeString() });
    list.replaceChildren(channels.length ? table([t('jobs.engine'), t('channels.name'), t('channels.flavour'), t('channels.circuit'),
      { text: t('channels.inFlight'), num: true }, { text: t('channels.success'), num: true }, { text: t('channels.latency'), num: true },
      t('channels.lastError')],
    channels.map(c => h('tr', {}, h('td', {}, c.engine), h('td', {}, c.name), h('td', {}, c.flavour),
      h('td', {}, h('span', { class: 'badge ' + (c.circuit === 'closed' ? 'completed' : 'failed') }, c.circuit)),
      h('td', { class: 'num' }, c.in_flight + ' / ' + c.max_in_flight), h('td', { class: 'num' }, Math.round(c.success_rate * 100) + ' %'),
      h('td', { class: 'num' }, c.latency_ms + ' ms'), h('td', {}, c.last_error ? c.last_error + ' (' + when(c.last_error_at) + ')' : '—'))))
      : h('p', { class: 'muted' }, t('channels.none')));
  }
  await show();
}
