"""The Videos API through the official Python SDK (openai 3.22), as a client of it would call Vidgate.

Run by dev.vidgate.api.SdkScriptsTest: python3 videos.py BASE_URL API_KEY REFERENCE_PNG
Prints one line per step; any failure is an exception and a non-zero exit.
"""
import sys

from openai import OpenAI

base_url, api_key, reference = sys.argv[1:4]
client = OpenAI(api_key=api_key, base_url=base_url + "/v1", max_retries=0, timeout=60)

with open(reference, "rb") as image:
    created = client.videos.create(model="sora-2", prompt="A lantern on a quiet lake at dusk", size="1280x720",
                                   seconds="4", input_reference=image)
assert created.status in ("queued", "in_progress"), created
print("created", created.id, created.status)

video = client.videos.poll(created.id)  # follows openai-poll-after-ms
assert video.status == "completed", video
assert (video.size, video.seconds, video.progress) == ("1280x720", "4", 100), video
print("completed", video.id)

mp4 = client.videos.download_content(video.id).content
assert mp4[4:8] == b"ftyp", mp4[:16]
print("downloaded", len(mp4), "bytes")

listed = [v.id for v in client.videos.list(limit=10, order="desc").data]
assert video.id in listed, listed
print("listed", len(listed))

remix = client.videos.poll(client.videos.remix(video.id, prompt="The same lake at dawn").id)
assert remix.status == "completed" and remix.remixed_from_video_id == video.id, remix
print("remixed", remix.id)

deleted = client.videos.delete(remix.id)
assert deleted.deleted and deleted.id == remix.id, deleted
print("deleted", deleted.id)
print("ok")
