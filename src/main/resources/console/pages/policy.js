import { h, field, select, table, when } from '../dom.js';
import { get, post, query } from '../api.js';
import { t } from '../i18n.js';
import { attempt, paged, scrolling } from './shared.js';

const LEVELS = ['strict', 'standard', 'off'];

/** Content policy: the audit of blocked requests (paged, by tenant) and a tenant's level (read and set). */
export async function render(root) {
  const tenants = (await get('/admin/v1/tenants?limit=100')).data;
  const names = tenants.map(x => [x.name, x.name]);
  const error = h('p', { class: 'error', role: 'alert' });
  const filter = select('tenant', [['', t('jobs.any')], ...names], '');
  const out = h('div', { id: 'block-list', ...scrolling(t('policy.blocks')) });
  const levelTenant = select('level_tenant', names, names[0]?.[0]);
  const level = select('level', [['', t('policy.models')], ...LEVELS.map(l => [l, t('policy.level.' + l)])], '');
  const current = h('p', { class: 'muted', role: 'status', id: 'policy-level' });
  const levelForm = h('form', { class: 'row card', id: 'policy-level-form', onsubmit: e => { e.preventDefault(); attempt(error, async () => {
    await post('/admin/v1/tenants/' + encodeURIComponent(levelTenant.value) + '/policy', { level: level.value || null });
    await readLevel();
  }); } },
    field(t('keys.tenant'), levelTenant), field(t('policy.level'), level), h('button', { type: 'submit' }, t('policy.setLevel')), current);
  levelTenant.addEventListener('change', () => attempt(error, readLevel));
  const filters = h('form', { class: 'row card', id: 'block-filters', onsubmit: e => { e.preventDefault(); attempt(error, show); } },
    field(t('keys.tenant'), filter), h('button', { type: 'submit' }, t('jobs.filter')));
  root.append(h('h1', {}, t('nav.policy')), h('h2', {}, t('policy.levelTitle')), levelForm, error,
    h('h2', {}, t('policy.blocks')), filters, out);

  async function readLevel() {
    if (!levelTenant.value) return;
    const p = await get('/admin/v1/tenants/' + encodeURIComponent(levelTenant.value) + '/policy');
    level.value = p.level ?? '';
    current.textContent = t('policy.current', { level: p.level ? t('policy.level.' + p.level) : t('policy.models') });
  }

  const show = paged(out, after => get('/admin/v1/policy/blocks' + query({ tenant: filter.value, limit: 10, after })),
    list => list.data.length ? table([t('jobs.id'), t('jobs.created'), t('keys.tenant'), t('jobs.key'), t('jobs.model'),
      t('policy.category'), t('policy.source'), t('policy.excerpt'), t('policy.video')],
    list.data.map(b => h('tr', {}, h('td', {}, b.id), h('td', {}, when(b.created_at)), h('td', {}, b.tenant_id), h('td', {}, b.key_id ?? '—'),
      h('td', {}, b.model ?? '—'), h('td', {}, b.category), h('td', {}, b.source), h('td', {}, b.excerpt ?? ''), h('td', {}, b.video_id ?? '—'))))
      : h('p', { class: 'muted' }, t('policy.none')));
  await readLevel();
  await show();
}
