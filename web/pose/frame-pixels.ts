/**
 * A camera or decoder `VideoFrame` turned into the pose model's input by copying its planes out
 * (`VideoFrame.copyTo`) and scaling them to RGBA in script. Chromium turns a video frame into
 * pixels through the renderer's image decode cache whenever it is drawn, scaled by
 * `createImageBitmap` or uploaded to WebGL (what MediaPipe does with a `VideoFrame` or `ImageBitmap`
 * input); every frame is a new image, so that cache filled with about 190–450 MB of frames nobody
 * would read again during a live set. `copyTo` reads the frame's own memory, and an `ImageData` is
 * uploaded as plain bytes.
 */

/** Pixel layouts read directly; any other layout is asked of `copyTo` as RGBA. */
export type PlanarFormat = "I420" | "NV12" | "RGBA" | "BGRA";

export interface Plane {
  offset: number;
  stride: number;
}

/** YUV to RGB: the matrix's red/blue chroma weights and whether Y spans 16–235 (limited range). */
export interface YuvMatrix {
  kr: number;
  kb: number;
  limitedRange: boolean;
}

const BT601: Omit<YuvMatrix, "limitedRange"> = { kr: 0.299, kb: 0.114 };
const BT709: Omit<YuvMatrix, "limitedRange"> = { kr: 0.2126, kb: 0.0722 };

/** The matrix a frame's colour space names; cameras without one are BT.601, limited range. */
export function yuvMatrixFor(
  colorSpace: { matrix?: string | null; fullRange?: boolean | null } | null,
): YuvMatrix {
  const base = colorSpace?.matrix === "bt709" ? BT709 : BT601;
  return { ...base, limitedRange: colorSpace?.fullRange !== true };
}

/** Which source column (or row) an output one samples from, and the weight of the next one. */
function sampleGrid(sourcePx: number, targetPx: number): { index: Int32Array; weight: Float32Array } {
  const index = new Int32Array(targetPx);
  const weight = new Float32Array(targetPx);
  const step = sourcePx / targetPx;
  for (let i = 0; i < targetPx; i++) {
    const at = Math.min(sourcePx - 1, Math.max(0, (i + 0.5) * step - 0.5));
    index[i] = Math.max(0, Math.min(sourcePx - 2, Math.floor(at)));
    weight[i] = sourcePx > 1 ? at - index[i]! : 0;
  }
  return { index, weight };
}

export interface PlanesToRgbaInput {
  data: Uint8Array;
  format: PlanarFormat;
  planes: readonly Plane[];
  widthPx: number;
  heightPx: number;
  targetWidthPx: number;
  targetHeightPx: number;
  matrix: YuvMatrix;
  /** Written into when it has the right size (a buffer kept from the last frame), else a new one. */
  out?: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * Scales a frame's planes to `targetWidthPx` × `targetHeightPx` RGBA: bilinear on luma (or on
 * each channel of an RGB frame), nearest on chroma, which is half resolution already.
 */
export function planesToRgba(input: PlanesToRgbaInput): Uint8ClampedArray<ArrayBuffer> {
  const { data, format, planes, widthPx, heightPx, targetWidthPx: tw, targetHeightPx: th } = input;
  const out =
    input.out?.length === tw * th * 4 ? input.out : new Uint8ClampedArray(new ArrayBuffer(tw * th * 4));
  const cols = sampleGrid(widthPx, tw);
  const rows = sampleGrid(heightPx, th);
  if (format === "RGBA" || format === "BGRA") {
    rgbToRgba(data, planes[0]!, format === "BGRA", { widthPx, heightPx }, cols, rows, out);
    return out;
  }
  const { kr, kb, limitedRange } = input.matrix;
  const kg = 1 - kr - kb;
  const yScale = limitedRange ? 255 / 219 : 1;
  const yOffset = limitedRange ? 16 : 0;
  const cScale = limitedRange ? 255 / 224 : 1;
  const rV = 2 * (1 - kr) * cScale;
  const bU = 2 * (1 - kb) * cScale;
  const gU = ((2 * (1 - kb) * kb) / kg) * cScale;
  const gV = ((2 * (1 - kr) * kr) / kg) * cScale;
  const yPlane = planes[0]!;
  const nv12 = format === "NV12";
  const uPlane = planes[1]!;
  const vPlane = nv12 ? planes[1]! : planes[2]!;
  let o = 0;
  for (let y = 0; y < th; y++) {
    const sy = rows.index[y]!;
    const wy = rows.weight[y]!;
    const row0 = yPlane.offset + sy * yPlane.stride;
    const row1 = heightPx > 1 ? row0 + yPlane.stride : row0;
    const chromaRow = Math.round(sy + wy) >> 1;
    const uRow = uPlane.offset + chromaRow * uPlane.stride;
    const vRow = vPlane.offset + chromaRow * vPlane.stride;
    for (let x = 0; x < tw; x++) {
      const sx = cols.index[x]!;
      const wx = cols.weight[x]!;
      const sx1 = widthPx > 1 ? sx + 1 : sx;
      const top = data[row0 + sx]! + (data[row0 + sx1]! - data[row0 + sx]!) * wx;
      const bottom = data[row1 + sx]! + (data[row1 + sx1]! - data[row1 + sx]!) * wx;
      const luma = (top + (bottom - top) * wy - yOffset) * yScale;
      const chromaCol = Math.round(sx + wx) >> 1;
      const u = (nv12 ? data[uRow + chromaCol * 2]! : data[uRow + chromaCol]!) - 128;
      const v = (nv12 ? data[vRow + chromaCol * 2 + 1]! : data[vRow + chromaCol]!) - 128;
      out[o] = luma + rV * v;
      out[o + 1] = luma - gU * u - gV * v;
      out[o + 2] = luma + bU * u;
      out[o + 3] = 255;
      o += 4;
    }
  }
  return out;
}

function rgbToRgba(
  data: Uint8Array,
  plane: Plane,
  bgr: boolean,
  size: { widthPx: number; heightPx: number },
  cols: { index: Int32Array; weight: Float32Array },
  rows: { index: Int32Array; weight: Float32Array },
  out: Uint8ClampedArray,
): void {
  const red = bgr ? 2 : 0;
  const blue = bgr ? 0 : 2;
  const nextCol = size.widthPx > 1 ? 4 : 0;
  const nextRow = size.heightPx > 1 ? plane.stride : 0;
  const lerp = (a: number, b: number, wx: number, wy: number) => {
    const top = data[a]! + (data[a + nextCol]! - data[a]!) * wx;
    const bottom = data[b]! + (data[b + nextCol]! - data[b]!) * wx;
    return top + (bottom - top) * wy;
  };
  let o = 0;
  for (let y = 0; y < rows.index.length; y++) {
    const wy = rows.weight[y]!;
    const row0 = plane.offset + rows.index[y]! * plane.stride;
    for (let x = 0; x < cols.index.length; x++) {
      const wx = cols.weight[x]!;
      const a = row0 + cols.index[x]! * 4;
      const b = a + nextRow;
      out[o] = lerp(a + red, b + red, wx, wy);
      out[o + 1] = lerp(a + 1, b + 1, wx, wy);
      out[o + 2] = lerp(a + blue, b + blue, wx, wy);
      out[o + 3] = 255;
      o += 4;
    }
  }
}

const DIRECT_FORMATS: Partial<Record<VideoPixelFormat, PlanarFormat>> = {
  I420: "I420",
  I420A: "I420",
  NV12: "NV12",
  RGBA: "RGBA",
  RGBX: "RGBA",
  BGRA: "BGRA",
  BGRX: "BGRA",
};

/**
 * Buffers one conversion writes into and the next may reuse, so a live set does not make two new
 * buffers of garbage per frame (about 25 MB a second at 30 fps). Whoever holds one uses it for one
 * frame at a time: the returned `ImageData` is overwritten by the next frame converted with it.
 */
export interface FrameBuffers {
  planes?: Uint8Array;
  pixels?: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * The frame's visible picture as `targetWidthPx` × `targetHeightPx` RGBA pixels. Does not close
 * the frame. Layouts not read directly (10-bit, 4:2:2, GPU frames) are asked of `copyTo` as RGBA.
 */
export async function videoFrameToImageData(
  frame: VideoFrame,
  targetWidthPx: number,
  targetHeightPx: number,
  buffers: FrameBuffers = {},
): Promise<ImageData> {
  const { width: widthPx, height: heightPx } = frame.visibleRect ?? {
    width: frame.codedWidth,
    height: frame.codedHeight,
  };
  const direct = frame.format ? DIRECT_FORMATS[frame.format] : undefined;
  const options: VideoFrameCopyToOptions = direct ? {} : { format: "RGBA" };
  const size = frame.allocationSize(options);
  if (buffers.planes?.length !== size) buffers.planes = new Uint8Array(size);
  const data = buffers.planes;
  const planes = await frame.copyTo(data, options);
  const pixels = planesToRgba({
    data,
    format: direct ?? "RGBA",
    planes,
    widthPx,
    heightPx,
    targetWidthPx,
    targetHeightPx,
    matrix: yuvMatrixFor(frame.colorSpace),
    ...(buffers.pixels ? { out: buffers.pixels } : {}),
  });
  buffers.pixels = pixels;
  return new ImageData(pixels, targetWidthPx, targetHeightPx);
}
