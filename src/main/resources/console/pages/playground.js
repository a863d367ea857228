import { h, field, select } from '../dom.js';
import { get, post, call } from '../api.js';
import { t } from '../i18n.js';
import { checkImage, cropToSize } from '../image.js';

const GRID = 5; // the spritesheet's tiles: 5x5, evenly spaced over the video

export async function render(root) {
  const models = (await get('/v1/videos/models')).data;
  const model = select('model', models.map(m => m.id), models[0]?.id);
  const size = h('select', { name: 'size' });
  const seconds = h('select', { name: 'seconds' });
  const prompt = h('textarea', { name: 'prompt', required: true, maxlength: 32000 });
  const file = h('input', { type: 'file', name: 'input_reference', accept: 'image/png,image/jpeg,image/webp' });
  const imageNote = h('p', { class: 'muted', 'aria-live': 'polite' });
  const imageFix = h('div', { class: 'row' });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, t('play.create'));
  let image = null; // the File or Blob to upload

  const spec = () => models.find(m => m.id === model.value);
  function fillChoices() {
    const m = spec();
    size.replaceChildren(...m.sizes.map(s => h('option', { value: s.size }, `${s.size} (${s.aspect_ratio}, ${s.resolution})`)));
    seconds.replaceChildren(...m.seconds.map(s => h('option', { value: s }, s)));
    file.disabled = !m.inputs.includes('first_frame');
    recheck();
  }
  async function recheck() {
    imageFix.replaceChildren();
    imageNote.textContent = '';
    if (!file.files[0] || file.disabled) { image = null; return; }
    const [w, hgt] = size.value.split('x').map(Number);
    const found = await checkImage(file.files[0]);
    if (found.width === w && found.height === hgt) {
      image = file.files[0];
      imageNote.textContent = t('play.imageOk', { size: size.value });
      return;
    }
    image = null;
    imageNote.textContent = t('play.imageWrong', { found: `${found.width}x${found.height}`, size: size.value });
    imageFix.append(h('button', { type: 'button', class: 'secondary', id: 'crop', onclick: async () => {
      image = await cropToSize(file.files[0], w, hgt);
      imageFix.replaceChildren(h('img', { src: URL.createObjectURL(image), alt: t('play.cropped'), class: 'thumb' }));
      imageNote.textContent = t('play.imageCropped', { size: size.value });
    } }, t('play.crop', { size: size.value })));
  }
  model.addEventListener('change', fillChoices);
  size.addEventListener('change', recheck);
  file.addEventListener('change', recheck);

  const result = h('section', { class: 'card', id: 'result', 'aria-live': 'polite' });
  const form = h('form', { id: 'create', class: 'card', onsubmit: async e => {
    e.preventDefault();
    error.textContent = '';
    if (file.files[0] && !file.disabled && !image) { error.textContent = t('play.fixImage'); return; }
    submit.disabled = true;
    try {
      let body;
      if (image) {
        body = new FormData();
        body.set('model', model.value); body.set('size', size.value); body.set('seconds', seconds.value); body.set('prompt', prompt.value);
        body.set('input_reference', image, 'reference.png');
      } else {
        body = { model: model.value, size: size.value, seconds: seconds.value, prompt: prompt.value };
      }
      follow(result, await call('POST', '/v1/videos', body));
    } catch (err) { error.textContent = err.message; } finally { submit.disabled = false; }
  } },
    h('h1', {}, t('nav.playground')),
    h('div', { class: 'row' }, field(t('play.model'), model), field(t('play.size'), size), field(t('play.seconds'), seconds)),
    field(t('play.prompt'), prompt),
    field(t('play.image'), file), imageNote, imageFix,
    h('div', { class: 'row' }, submit), error);
  root.append(form, result);
  fillChoices();
  const wanted = new URLSearchParams(location.hash.split('?')[1] || '').get('video');
  if (wanted) follow(result, await get('/v1/videos/' + encodeURIComponent(wanted)));
}

/** Polls a job until it finishes, showing its progress; then plays it. */
export async function follow(box, video) {
  const bar = h('progress', { max: 100, value: video.progress, 'aria-label': t('play.progress') });
  const status = h('p', { id: 'status' });
  const actions = h('div', { class: 'row' });
  box.replaceChildren(h('h2', {}, video.id), status, bar, actions);
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'cancel', onclick: async () => {
    try { video = await post('/v1/videos/' + video.id + '/cancel'); } catch (err) { status.textContent = err.message; }
  } }, t('play.cancel'));
  actions.append(cancel);
  while (video.status === 'queued' || video.status === 'in_progress') {
    status.textContent = t('status.' + video.status) + ' · ' + video.progress + '%';
    bar.value = video.progress;
    await new Promise(r => setTimeout(r, 700));
    if (!box.isConnected) return;
    video = await get('/v1/videos/' + video.id);
  }
  cancel.remove();
  bar.value = 100;
  status.textContent = t('status.' + video.status) + (video.error ? ': ' + video.error.message : '');
  if (video.status === 'completed') box.append(player(video));
}

function player(video) {
  const base = '/v1/videos/' + encodeURIComponent(video.id) + '/content';
  const el = h('video', { id: 'player', controls: true, autoplay: true, muted: true, playsinline: true, preload: 'auto',
    src: base, poster: base + '?variant=thumbnail', 'aria-label': t('play.video') });
  el.muted = true;
  const seconds = Number(video.seconds) || 1;
  const canvas = h('canvas', { width: 320, height: 56, 'aria-hidden': 'true' });
  const sheet = new Image();
  sheet.src = base + '?variant=spritesheet';
  const scrub = h('input', { type: 'range', min: 0, max: GRID * GRID - 1, value: 0, id: 'scrub', 'aria-label': t('play.scrub') });
  const drawTile = i => {
    if (!sheet.complete || !sheet.naturalWidth) return;
    const tw = sheet.naturalWidth / GRID, th = sheet.naturalHeight / GRID;
    const ctx = canvas.getContext('2d');
    canvas.width = Math.round(56 * tw / th); canvas.height = 56;
    ctx.drawImage(sheet, (i % GRID) * tw, Math.floor(i / GRID) * th, tw, th, 0, 0, canvas.width, canvas.height);
  };
  sheet.onload = () => drawTile(0);
  scrub.addEventListener('input', () => {
    const i = Number(scrub.value);
    drawTile(i);
    el.currentTime = (i + 0.5) * seconds / (GRID * GRID);
  });
  const remixPrompt = h('input', { type: 'text', name: 'remix', value: video.prompt || '' });
  const again = (path, body) => async () => {
    try { follow(document.getElementById('result'), await post(path, body())); } catch (err) { alert(err.message); }
  };
  const extendSeconds = select('extend_seconds', ['4', '8', '12', '16', '20'], '4');
  return h('div', { class: 'player' },
    h('div', {}, el, h('div', { class: 'field' }, h('span', {}, t('play.scrub')), h('div', { class: 'scrub' }, canvas), scrub)),
    h('div', {},
      h('img', { src: base + '?variant=thumbnail', alt: t('play.thumbnail'), class: 'thumb' }),
      field(t('play.newPrompt'), remixPrompt),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'remix', onclick: again('/v1/videos/' + video.id + '/remix', () => ({ prompt: remixPrompt.value })) }, t('play.remix')),
        h('button', { type: 'button', class: 'secondary', id: 'edit', onclick: again('/v1/videos/edits', () => ({ prompt: remixPrompt.value, video: { id: video.id } })) }, t('play.edit'))),
      h('div', { class: 'row' }, field(t('play.seconds'), extendSeconds),
        h('button', { type: 'button', class: 'secondary', id: 'extend', onclick: again('/v1/videos/extensions', () => ({ prompt: remixPrompt.value, seconds: extendSeconds.value, video: { id: video.id } })) }, t('play.extend'))),
      h('p', {}, h('a', { href: base, download: video.id + '.mp4' }, t('play.download')))));
}
