import uPlot from '../vendor/uplot/uPlot.esm.js';
import { h, table, credits, csv, download } from '../dom.js';
import { get, all, query } from '../api.js';
import { t } from '../i18n.js';

const STATUS_COLOURS = { completed: '#146c2e', failed: '#b3261e', cancelled: '#8250df', in_progress: '#0b57d0', queued: '#9a6700' };

/** Spend per day, jobs per hour by status, success rate, p50/p95 time to complete per model; CSV of usage and ledger. */
export async function render(root, { role }) {
  const operator = role === 'operator';
  const usage = await get(operator ? '/admin/v1/usage' : '/v1/usage' + query({ scope: 'tenant' }));
  const jobs = await all(operator ? '/admin/v1/jobs' : '/v1/videos', {}, 500);

  const spendBox = h('div', { id: 'chart-spend' });
  const hourlyBox = h('div', { id: 'chart-hourly' });
  const finished = jobs.filter(j => ['completed', 'failed', 'cancelled'].includes(j.status));
  const completed = jobs.filter(j => j.status === 'completed');
  const rate = finished.length ? Math.round(1000 * completed.length / finished.length) / 10 : null;

  const exports = h('div', { class: 'row' },
    h('button', { type: 'button', class: 'secondary', id: 'csv-usage', onclick: () => download('usage.csv', usageCsv(usage)) }, t('usage.csvUsage')),
    operator ? h('button', { type: 'button', class: 'secondary', id: 'csv-ledger', onclick: async () =>
      download('ledger.csv', ledgerCsv(await all('/admin/v1/ledger', {}, 100000))) }, t('usage.csvLedger')) : null);

  root.append(h('h1', {}, t('nav.usage')),
    h('section', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, t('usage.period')), h('dd', {}, usage.from + ' – ' + usage.to),
      h('dt', {}, t('usage.credits')), h('dd', {}, credits(usage.credits)),
      h('dt', {}, t('usage.jobs')), h('dd', {}, usage.jobs),
      h('dt', {}, t('usage.seconds')), h('dd', {}, usage.seconds),
      h('dt', {}, t('usage.success')), h('dd', { id: 'success-rate' }, rate === null ? '—' : rate + ' %'),
      usage.account ? [h('dt', {}, t('usage.balance')), h('dd', {}, credits(usage.account.balance))] : null),
      h('p', { class: 'muted' }, t('usage.sample', { n: jobs.length })), exports),
    h('div', { class: 'charts' },
      h('section', { class: 'card' }, h('h2', {}, t('usage.spendPerDay')), spendBox),
      h('section', { class: 'card' }, h('h2', {}, t('usage.jobsPerHour')), hourlyBox)),
    h('section', { class: 'card' }, h('h2', {}, t('usage.latency')), latencyTable(completed)));

  chart(spendBox, t('usage.credits'), spendSeries(usage), [{ label: t('usage.credits'), stroke: '#0b57d0', fill: 'rgba(11,87,208,.15)' }]);
  const hourly = hourlySeries(jobs);
  chart(hourlyBox, t('usage.jobs'), hourly.data, hourly.statuses.map(s => ({ label: t('status.' + s), stroke: STATUS_COLOURS[s] })));
}

function chart(box, yLabel, data, series) {
  const width = Math.max(300, box.parentElement.clientWidth - 40);
  new uPlot({ width, height: 220, series: [{}, ...series.map(s => ({ width: 2, ...s }))], axes: [{}, { label: yLabel }],
    scales: { x: { time: true } } }, data, box);
}

function spendSeries(usage) {
  const byDay = new Map();
  for (const r of usage.data) byDay.set(r.date, (byDay.get(r.date) || 0) + r.credits / 1e6);
  const days = [...byDay.keys()].sort();
  return [days.map(d => Date.parse(d + 'T00:00:00Z') / 1000), days.map(d => byDay.get(d))];
}

function hourlySeries(jobs) {
  const hours = new Map();
  const statuses = [...new Set(jobs.map(j => j.status))].sort();
  for (const j of jobs) {
    const hour = Math.floor(j.created_at / 3600) * 3600;
    if (!hours.has(hour)) hours.set(hour, Object.fromEntries(statuses.map(s => [s, 0])));
    hours.get(hour)[j.status]++;
  }
  const xs = [...hours.keys()].sort((a, b) => a - b);
  return { statuses, data: [xs, ...statuses.map(s => xs.map(x => hours.get(x)[s]))] };
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function latencyTable(completed) {
  const byModel = new Map();
  for (const j of completed) {
    if (!j.completed_at) continue;
    if (!byModel.has(j.model)) byModel.set(j.model, []);
    byModel.get(j.model).push(j.completed_at - j.created_at);
  }
  const rows = [...byModel.entries()].sort().map(([model, times]) => {
    times.sort((a, b) => a - b);
    return h('tr', {}, h('td', {}, model), h('td', { class: 'num' }, times.length),
      h('td', { class: 'num' }, percentile(times, 0.5) + ' s'), h('td', { class: 'num' }, percentile(times, 0.95) + ' s'));
  });
  return rows.length ? table([t('jobs.model'), { text: t('usage.jobs'), num: true }, { text: 'p50', num: true }, { text: 'p95', num: true }], rows)
    : h('p', { class: 'muted' }, t('jobs.none'));
}

function usageCsv(usage) {
  return csv([['date', 'tenant_id', 'key_id', 'model', 'resolution', 'price_unit', 'quantity', 'seconds', 'jobs', 'credits_micro'],
    ...usage.data.map(r => [r.date, r.tenant_id, r.key_id, r.model, r.resolution, r.price_unit, r.quantity, r.seconds, r.jobs, r.credits])]);
}

function ledgerCsv(entries) {
  return csv([['id', 'created_at', 'tenant_id', 'key_id', 'video_id', 'kind', 'amount_micro', 'balance_after_micro', 'model', 'resolution', 'charge_micro', 'reason'],
    ...entries.map(e => [e.id, new Date(e.created_at * 1000).toISOString(), e.tenant_id, e.key_id, e.video_id, e.kind, e.amount, e.balance_after,
      e.model, e.resolution, e.charge, e.reason])]);
}
