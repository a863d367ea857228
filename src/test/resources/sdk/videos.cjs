// The Videos API through the official Node SDK (npm openai 7), as a client of it would call Vidgate.
// Run by dev.vidgate.api.SdkScriptsTest: node videos.cjs BASE_URL API_KEY REFERENCE_PNG
// Prints one line per step; any failure is an exception and a non-zero exit.
const fs = require('node:fs');
const assert = require('node:assert/strict');
const OpenAI = require('openai').default;

const [baseURL, apiKey, reference] = process.argv.slice(2);
const client = new OpenAI({ apiKey, baseURL: baseURL + '/v1', maxRetries: 0, timeout: 60_000 });

async function completed(id) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { data: video, response } = await client.videos.retrieve(id).withResponse();
    if (video.status !== 'queued' && video.status !== 'in_progress') {
      assert.equal(video.status, 'completed', JSON.stringify(video));
      return video;
    }
    assert.ok(Date.now() < deadline, 'still ' + video.status + ' after 120 s: ' + id);
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('openai-poll-after-ms') ?? 1000)));
  }
}

async function main() {
  const created = await client.videos.create({
    model: 'sora-2', prompt: 'A lantern on a quiet lake at dusk', size: '1280x720', seconds: '4',
    input_reference: fs.createReadStream(reference),
  });
  assert.ok(['queued', 'in_progress'].includes(created.status), JSON.stringify(created));
  console.log('created', created.id, created.status);

  const video = await completed(created.id);
  assert.deepEqual([video.size, video.seconds, video.progress], ['1280x720', '4', 100]);
  console.log('completed', video.id);

  const mp4 = Buffer.from(await (await client.videos.downloadContent(video.id)).arrayBuffer());
  assert.equal(mp4.subarray(4, 8).toString('latin1'), 'ftyp');
  console.log('downloaded', mp4.length, 'bytes');

  const page = await client.videos.list({ limit: 10, order: 'desc' });
  assert.ok(page.data.some((v) => v.id === video.id), JSON.stringify(page.data.map((v) => v.id)));
  console.log('listed', page.data.length);

  const remix = await completed((await client.videos.remix(video.id, { prompt: 'The same lake at dawn' })).id);
  assert.equal(remix.remixed_from_video_id, video.id);
  console.log('remixed', remix.id);

  const deleted = await client.videos.delete(remix.id);
  assert.ok(deleted.deleted && deleted.id === remix.id, JSON.stringify(deleted));
  console.log('deleted', deleted.id);
  console.log('ok');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
