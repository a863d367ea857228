import { h } from '../dom.js';
import { t } from '../i18n.js';

/** An integer field's value for a JSON body: absent when empty. */
export function intOrAbsent(input) {
  return input.value === '' ? undefined : Number(input.value);
}

/** Shows a new secret once, with the warning that it is not shown again. */
export function secretBox(box, created) {
  box.replaceChildren(h('div', { class: 'card', role: 'status', id: 'secret-box' },
    h('p', {}, t('keys.secretOnce')),
    h('p', { class: 'secret', id: 'secret' }, created.secret),
    h('button', { type: 'button', class: 'secondary', onclick: () => box.replaceChildren() }, t('keys.secretDone'))));
}

/** Runs an action, showing its error in `error` instead of throwing. */
export async function attempt(error, action) {
  error.textContent = '';
  try { await action(); } catch (err) { error.textContent = err.message; }
}

/** A folded form that changes some numeric limits of one row: empty means none (null), as the admin API reads it. */
export function limitsForm(label, fields, save, error) {
  const inputs = fields.map(([name, text, value, scale = 1]) =>
    [name, scale, h('input', { type: 'number', min: 0, step: 'any', name, value: value === null || value === undefined ? '' : value / scale, 'aria-label': text + ' (' + label + ')' })]);
  return h('details', {}, h('summary', {}, t('limits.edit')),
    h('form', { class: 'row', onsubmit: e => { e.preventDefault(); attempt(error, () => save(Object.fromEntries(
      inputs.map(([name, scale, input]) => [name, input.value === '' ? null : Math.round(Number(input.value) * scale)])))); } },
    inputs.map(([, , input], i) => h('label', {}, fields[i][1], input)), h('button', { type: 'submit' }, t('limits.save'))));
}

/**
 * Cursor paging like the API's lists: `fetchPage(after)` answers a list; `draw(list)` shows its rows. Returns `show`,
 * which starts again at the first page.
 */
export function paged(out, fetchPage, draw) {
  const cursors = [undefined];
  let page = 0;
  async function load() {
    const list = await fetchPage(cursors[page]);
    cursors[page + 1] = list.has_more ? list.last_id : null;
    out.replaceChildren(draw(list),
      h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', id: 'prev', disabled: page === 0, onclick: () => { page--; load(); } }, t('jobs.prev')),
        h('span', { class: 'muted', id: 'page-no' }, t('jobs.page', { n: page + 1 })),
        h('button', { type: 'button', class: 'secondary', id: 'next', disabled: !list.has_more, onclick: () => { page++; load(); } }, t('jobs.next'))));
  }
  return () => { cursors.length = 1; page = 0; return load(); };
}

/** The attributes of a wide table's container that scrolls sideways: a named region the keyboard can reach and scroll. */
export function scrolling(label) {
  return { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': label };
}
