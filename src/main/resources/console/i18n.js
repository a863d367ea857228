// English and Chinese message catalogs (i18n/*.json). The choice is not a secret: it is remembered in localStorage.
const SUPPORTED = ['en', 'zh'];
let messages = {};
let lang = 'en';

export function initialLanguage() {
  const saved = localStorage.getItem('vidgate.lang');
  if (SUPPORTED.includes(saved)) return saved;
  const browser = (navigator.languages || [navigator.language || 'en']).map(l => l.toLowerCase().slice(0, 2));
  return browser.find(l => SUPPORTED.includes(l)) || 'en';
}

export async function load(wanted) {
  lang = SUPPORTED.includes(wanted) ? wanted : 'en';
  const r = await fetch('i18n/' + lang + '.json', { cache: 'no-cache' });
  messages = await r.json();
  localStorage.setItem('vidgate.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

export function language() { return lang; }

/** The message for `key`, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? vars[k] : '{' + k + '}'));
}
