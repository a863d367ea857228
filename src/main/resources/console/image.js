// A reference image must have exactly the requested size: checked here before upload, with a crop-and-resize offer.

/** The image's pixel size, read by the browser (EXIF orientation applied, as the server applies it). */
export function checkImage(file) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => { resolve({ width: img.naturalWidth, height: img.naturalHeight, img }); URL.revokeObjectURL(img.src); };
    img.onerror = () => reject(new Error('not an image'));
    img.src = URL.createObjectURL(file);
  });
}

/** The image cropped to the target's aspect ratio (centred) and scaled to exactly width x height, as a PNG. */
export async function cropToSize(file, width, height) {
  const { img } = await checkImage(file);
  const scale = Math.max(width / img.naturalWidth, height / img.naturalHeight);
  const sw = width / scale, sh = height / scale;
  const sx = (img.naturalWidth - sw) / 2, sy = (img.naturalHeight - sh) / 2;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, sx, sy, sw, sh, 0, 0, width, height);
  return new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
}
