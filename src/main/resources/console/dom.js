// Building elements without HTML strings: text is always text (no markup from data ever reaches the page).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let ids = 0;
/** A labelled field: the label names the control for screen readers. */
export function field(label, control) {
  if (!control.id) control.id = 'f' + (++ids);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function select(name, options, value) {
  const s = h('select', { name });
  for (const o of options) {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    s.append(h('option', { value: v, selected: v === value }, text));
  }
  return s;
}

export function table(headers, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col', class: x.num ? 'num' : null }, x.text ?? x)))),
    h('tbody', {}, rows));
}

/** Micro-credits as credits. */
export function credits(micro) {
  if (micro === null || micro === undefined) return '—';
  return (micro / 1e6).toLocaleString(undefined, { maximumFractionDigits: 6 });
}

export function when(unixSeconds) {
  return unixSeconds ? new Date(unixSeconds * 1000).toLocaleString() : '—';
}
