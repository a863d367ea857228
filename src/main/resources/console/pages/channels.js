import { h, table, when } from '../dom.js';
import { get, post } from '../api.js';
import { t } from '../i18n.js';

/**
 * Channels: each engine's upstream channels with health, circuit and jobs in flight; re-checked on demand. "Test" makes
 * one cheap call to the channel's upstream (POST /admin/v1/channels/{name}/test) and shows what it found.
 */
export async function render(root) {
  const list = h('div', { id: 'channel-list' });
  const checked = h('p', { class: 'muted', role: 'status' });
  root.append(h('h1', {}, t('nav.channels')),
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'channels-check', onclick: () => show() }, t('channels.check')), checked), list);

  async function test(name, button, out) {
    button.disabled = true;
    out.className = 'probe';
    out.textContent = t('channels.testing');
    try {
      const r = await post('/admin/v1/channels/' + encodeURIComponent(name) + '/test');
      out.className = 'probe ' + (r.ok ? 'completed' : 'failed');
      out.textContent = t('channels.testResult', { status: t('channels.status.' + r.status), http: r.http_status || '—', ms: r.latency_ms })
        + ' — ' + r.message;
    } catch (e) {
      out.className = 'probe failed';
      out.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  }

  function testCell(name) {
    const out = h('span', { class: 'probe', role: 'status' });
    const button = h('button', { type: 'button', class: 'channel-test', 'aria-label': t('channels.testLabel', { name }) }, t('channels.test'));
    button.addEventListener('click', () => test(name, button, out));
    return h('td', {}, button, ' ', out);
  }

  async function show() {
    const channels = (await get('/admin/v1/channels')).data;
    checked.textContent = t('channels.checkedAt', { at: new Date().toLocaleTimeString() });
    list.replaceChildren(channels.length ? table([t('jobs.engine'), t('channels.name'), t('channels.flavour'), t('channels.circuit'),
      { text: t('channels.inFlight'), num: true }, { text: t('channels.success'), num: true }, { text: t('channels.latency'), num: true },
      t('channels.lastError'), t('channels.test')],
    channels.map(c => h('tr', {}, h('td', {}, c.engine), h('td', {}, c.name), h('td', {}, c.flavour),
      h('td', {}, h('span', { class: 'badge ' + (c.circuit === 'closed' ? 'completed' : 'failed') }, c.circuit)),
      h('td', { class: 'num' }, c.in_flight + ' / ' + c.max_in_flight), h('td', { class: 'num' }, Math.round(c.success_rate * 100) + ' %'),
      h('td', { class: 'num' }, c.latency_ms + ' ms'), h('td', {}, c.last_error ? c.last_error + ' (' + when(c.last_error_at) + ')' : '—'),
      testCell(c.name))))
      : h('p', { class: 'muted' }, t('channels.none')));
  }
  await show();
}
