import { h, field, select, table, credits, when } from '../dom.js';
import { get, query } from '../api.js';
import { t } from '../i18n.js';
import { paged } from './shared.js';

const STATUSES = ['', 'queued', 'in_progress', 'completed', 'failed', 'cancelled'];
const PAGE = 10;

/**
 * The job log, filtered and paged on the server. The operator's comes from /admin/v1/jobs (every tenant, with times,
 * money and the relay channel); a tenant's from /v1/videos with the same filters (its own jobs and keys only).
 */
export async function render(root, { role }) {
  const operator = role === 'operator';
  const status = select('status', STATUSES.map(s => [s, s ? t('status.' + s) : t('jobs.any')]), '');
  const input = (name, type = 'text') => h('input', { type, name });
  const model = input('model');
  const engine = input('engine');
  const key = input('key');
  const tenant = input('tenant');
  const channel = input('channel');
  const from = input('from', 'datetime-local');
  const to = input('to', 'datetime-local');
  const out = h('div', { id: 'joblog' });
  const error = h('p', { class: 'error', role: 'alert', id: 'joblog-error' });

  const filters = h('form', { class: 'row card', id: 'job-filters', onsubmit: e => { e.preventDefault(); show(); } },
    field(t('jobs.status'), status), field(t('jobs.model'), model), field(t('jobs.engine'), engine), field(t('jobs.key'), key),
    operator ? [field(t('jobs.tenant'), tenant), field(t('jobs.channel'), channel)] : null,
    field(t('jobs.from'), from), field(t('jobs.to'), to),
    h('button', { type: 'submit' }, t('jobs.filter')));
  root.append(h('h1', {}, t('nav.jobs')), filters, error, out);

  const seconds = el => el.value ? Math.floor(new Date(el.value).getTime() / 1000) : undefined;
  const fetchPage = async after => {
    error.textContent = '';
    const params = { limit: PAGE, after, status: status.value, model: model.value.trim(), engine: engine.value.trim(),
      key: key.value.trim(), created_after: seconds(from), created_before: seconds(to) };
    try {
      if (operator) return await get('/admin/v1/jobs' + query({ ...params, tenant: tenant.value.trim(), channel: channel.value.trim() }));
      return await get('/v1/videos' + query(params));
    } catch (err) {
      error.textContent = err.message;
      return { data: [], has_more: false };
    }
  };
  const show = paged(out, fetchPage, list => {
    const rows = list.data.map(v => row(v, operator));
    return rows.length ? table(headers(operator), rows) : h('p', { class: 'muted' }, t('jobs.none'));
  });
  await show();
}

function headers(operator) {
  const cols = [t('jobs.id'), t('jobs.status'), t('jobs.model'), t('jobs.created')];
  if (operator) cols.push(t('jobs.tenant'), t('jobs.engine'), { text: t('jobs.wait'), num: true }, { text: t('jobs.run'), num: true },
    { text: t('jobs.attempts'), num: true }, { text: t('jobs.held'), num: true }, { text: t('jobs.charged'), num: true }, { text: t('jobs.refunded'), num: true },
    t('jobs.preview'));
  else cols.push({ text: t('jobs.took'), num: true }, t('jobs.preview'));
  cols.push(t('jobs.details'));
  return cols;
}

const content = (base, v, variant) => base + encodeURIComponent(v.id) + '/content' + (variant ? '?variant=' + variant : '');
const ms = v => v === null || v === undefined ? '—' : (v / 1000).toFixed(1) + ' s';

function row(v, operator) {
  const details = [v.prompt ? h('div', {}, v.prompt) : null, v.error ? h('div', { class: 'error' }, v.error.code + ': ' + v.error.message) : null,
    v.prompt_reading ? h('div', { class: 'muted' }, t('jobs.reading') + ': ' + JSON.stringify(v.prompt_reading)) : null];
  const cells = [h('td', {}, operator ? v.id : h('a', { href: '#/playground?video=' + encodeURIComponent(v.id) }, v.id)),
    h('td', {}, h('span', { class: 'badge ' + v.status }, t('status.' + v.status))), h('td', {}, v.model), h('td', {}, when(v.created_at))];
  if (operator) {
    cells.push(h('td', {}, v.tenant_id), h('td', {}, v.channel ? v.engine + ' / ' + v.channel : v.engine), h('td', { class: 'num' }, ms(v.queue_wait_ms)), h('td', { class: 'num' }, ms(v.run_ms)),
      h('td', { class: 'num' }, v.attempts), h('td', { class: 'num' }, credits(v.held)), h('td', { class: 'num' }, credits(v.charged)),
      h('td', { class: 'num' }, credits(v.refunded)),
      // The operator's preview plays in the row (the admin content route answers Range requests like the public one).
      h('td', {}, v.status === 'completed' ? h('video', { class: 'thumb', controls: true, preload: 'none', 'aria-label': t('jobs.preview') + ' ' + v.id,
        poster: content('/admin/v1/videos/', v, 'thumbnail'), src: content('/admin/v1/videos/', v) }) : '—'));
  } else {
    cells.push(h('td', { class: 'num' }, v.completed_at ? (v.completed_at - v.created_at) + ' s' : '—'),
      h('td', {}, v.status === 'completed' ? h('img', { class: 'thumb', loading: 'lazy', alt: t('play.thumbnail') + ' ' + v.id,
        src: content('/v1/videos/', v, 'thumbnail') }) : '—'));
  }
  cells.push(h('td', {}, details));
  return h('tr', {}, cells);
}
