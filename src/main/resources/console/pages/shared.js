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
