// Calls /v1 and /admin/v1 through the session cookie (the bridge acts as the signed-in key); the CSRF token is kept
// in memory only and sent on every unsafe request.
let csrf = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || ('HTTP ' + status));
    this.status = status;
    this.code = body?.error?.code;
  }
}

export function setCsrf(token) { csrf = token; }

export async function call(method, path, body) {
  const headers = {};
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  const r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!r.ok) throw new ApiError(r.status, json);
  return json;
}

export const get = p => call('GET', p);
export const post = (p, b) => call('POST', p, b ?? {});
export const del = p => call('DELETE', p);

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Every page of a list, up to `max` items. */
export async function all(path, params = {}, max = 500) {
  const out = [];
  let after;
  while (out.length < max) {
    const page = await get(path + query({ ...params, limit: 100, after }));
    out.push(...page.data);
    if (!page.has_more) break;
    after = page.last_id;
  }
  return out;
}
