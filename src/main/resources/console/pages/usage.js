import uPlot from '../vendor/uplot/uPlot.esm.js';
import { h, field, table, credits } from '../dom.js';
import { get, query } from '../api.js';
import { t } from '../i18n.js';

const STATUS_COLOURS = { completed: '#146c2e', failed: '#b3261e', cancelled: '#8250df', in_progress: '#0b57d0', queued: '#9a6700' };
const MONEY = [['held', '#9a6700'], ['charged', '#0b57d0'], ['refunded', '#146c2e']];

/**
 * Spend per day, jobs per hour by status, success rate, p50/p95 time to complete per model over a range of days, all
 * computed by the server over the whole range (/v1/usage/stats, /admin/v1/usage/stats); CSV of usage and ledger.
 */
export async function render(root, { role }) {
  const operator = role === 'operator';
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const tenant = h('input', { type: 'text', name: 'tenant' });
  const out = h('div', { id: 'usage-report' });
  const error = h('p', { class: 'error', role: 'alert', id: 'usage-error' });
  const form = h('form', { class: 'row card', id: 'usage-range', onsubmit: e => { e.preventDefault(); show(); } },
    field(t('usage.from'), from), field(t('usage.to'), to), operator ? field(t('jobs.tenant'), tenant) : null,
    h('button', { type: 'submit' }, t('usage.show')));
  root.append(h('h1', {}, t('nav.usage')), form, error, out);

  async function show() {
    error.textContent = '';
    const range = { from: from.value, to: to.value };
    const scoped = operator ? { ...range, tenant: tenant.value.trim() } : range;
    const base = operator ? '/admin/v1/usage' : '/v1/usage';
    let usage, stats;
    try {
      [usage, stats] = await Promise.all([get(base + query(operator ? scoped : { ...range, scope: 'tenant' })), get(base + '/stats' + query(scoped))]);
    } catch (err) {
      error.textContent = err.message;
      return;
    }
    from.value = stats.from;
    to.value = stats.to;
    draw(out, usage, stats, base, query({ ...scoped, from: stats.from, to: stats.to }));
  }
  await show();
}

function draw(out, usage, stats, base, q) {
  const spendBox = h('div', { id: 'chart-spend' });
  const hourlyBox = h('div', { id: 'chart-hourly' });
  const rate = stats.success_rate === null ? '—' : Math.round(1000 * stats.success_rate) / 10 + ' %';
  const exports = h('div', { class: 'row' },
    h('a', { class: 'button secondary', id: 'csv-usage', href: base + '/usage.csv' + q, download: '' }, t('usage.csvUsage')),
    h('a', { class: 'button secondary', id: 'csv-ledger', href: base + '/ledger.csv' + q, download: '' }, t('usage.csvLedger')));
  const jobs = Object.values(stats.jobs).reduce((a, b) => a + b, 0);
  out.replaceChildren(
    h('section', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, t('usage.period')), h('dd', {}, stats.from + ' – ' + stats.to),
      h('dt', {}, t('usage.credits')), h('dd', {}, credits(usage.credits)),
      h('dt', {}, t('usage.jobs')), h('dd', { id: 'job-count' }, jobs),
      h('dt', {}, t('usage.seconds')), h('dd', {}, usage.seconds),
      h('dt', {}, t('usage.success')), h('dd', { id: 'success-rate' }, rate),
      usage.account ? [h('dt', {}, t('usage.balance')), h('dd', {}, credits(usage.account.balance))] : null),
      h('p', { class: 'muted' }, t('usage.whole')), exports),
    h('div', { class: 'charts' },
      h('section', { class: 'card' }, h('h2', {}, t('usage.spendPerDay')), spendBox),
      h('section', { class: 'card' }, h('h2', {}, t('usage.jobsPerHour')), hourlyBox)),
    h('section', { class: 'card' }, h('h2', {}, t('usage.latency')), latencyTable(stats.latency)));

  chart(spendBox, t('usage.credits'), spendSeries(stats.spend), MONEY.map(([k, colour]) => ({ label: t('jobs.' + k), stroke: colour })));
  const hourly = hourlySeries(stats.hourly);
  chart(hourlyBox, t('usage.jobs'), hourly.data, hourly.statuses.map(s => ({ label: t('status.' + s), stroke: STATUS_COLOURS[s] })));
}

function chart(box, yLabel, data, series) {
  const width = Math.max(300, box.parentElement.clientWidth - 40);
  new uPlot({ width, height: 220, series: [{}, ...series.map(s => ({ width: 2, ...s }))], axes: [{}, { label: yLabel }],
    scales: { x: { time: true } } }, data, box);
}

function spendSeries(spend) {
  return [spend.map(d => Date.parse(d.date + 'T00:00:00Z') / 1000), ...MONEY.map(([k]) => spend.map(d => d[k] / 1e6))];
}

function hourlySeries(hourly) {
  const statuses = [...new Set(hourly.map(x => x.status))].sort();
  const hours = new Map();
  for (const x of hourly) {
    if (!hours.has(x.hour)) hours.set(x.hour, Object.fromEntries(statuses.map(s => [s, 0])));
    hours.get(x.hour)[x.status] = x.jobs;
  }
  const xs = [...hours.keys()].sort((a, b) => a - b);
  return { statuses, data: [xs, ...statuses.map(s => xs.map(x => hours.get(x)[s]))] };
}

function latencyTable(latency) {
  const seconds = ms => (ms / 1000).toFixed(1) + ' s';
  const rows = latency.map(l => h('tr', {}, h('td', {}, l.model), h('td', { class: 'num' }, l.jobs),
    h('td', { class: 'num' }, seconds(l.p50_ms)), h('td', { class: 'num' }, seconds(l.p95_ms))));
  return rows.length ? table([t('jobs.model'), { text: t('usage.jobs'), num: true }, { text: 'p50', num: true }, { text: 'p95', num: true }], rows)
    : h('p', { class: 'muted' }, t('jobs.none'));
}
