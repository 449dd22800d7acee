import { describe, expect, it } from "vitest";
import { planesToRgba, yuvMatrixFor, type PlanarFormat, type Plane } from "./frame-pixels";

// BT.601 limited-range codes of pure red and pure blue.
const RED_YUV = [81, 90, 240] as const;
const BLUE_YUV = [41, 240, 110] as const;

/** An 8×4 I420 picture: the left half red, the right half blue. */
function halvesI420(): { data: Uint8Array; planes: Plane[] } {
  const w = 8;
  const h = 4;
  const y = new Uint8Array(w * h);
  const u = new Uint8Array((w / 2) * (h / 2));
  const v = new Uint8Array((w / 2) * (h / 2));
  for (let row = 0; row < h; row++)
    for (let col = 0; col < w; col++) y[row * w + col] = col < w / 2 ? RED_YUV[0] : BLUE_YUV[0];
  for (let row = 0; row < h / 2; row++)
    for (let col = 0; col < w / 2; col++) {
      const [, cu, cv] = col < w / 4 ? RED_YUV : BLUE_YUV;
      u[row * (w / 2) + col] = cu;
      v[row * (w / 2) + col] = cv;
    }
  const data = new Uint8Array([...y, ...u, ...v]);
  return {
    data,
    planes: [
      { offset: 0, stride: w },
      { offset: w * h, stride: w / 2 },
      { offset: w * h + u.length, stride: w / 2 },
    ],
  };
}

function toNv12({ data, planes }: { data: Uint8Array; planes: Plane[] }): {
  data: Uint8Array;
  planes: Plane[];
} {
  const ySize = planes[1]!.offset;
  const chroma = planes[2]!.offset - planes[1]!.offset;
  const uv = new Uint8Array(chroma * 2);
  for (let i = 0; i < chroma; i++) {
    uv[i * 2] = data[ySize + i]!;
    uv[i * 2 + 1] = data[ySize + chroma + i]!;
  }
  return {
    data: new Uint8Array([...data.slice(0, ySize), ...uv]),
    planes: [planes[0]!, { offset: ySize, stride: planes[1]!.stride * 2 }],
  };
}

const pixel = (rgba: Uint8ClampedArray, widthPx: number, x: number, y: number) =>
  Array.from(rgba.slice((y * widthPx + x) * 4, (y * widthPx + x) * 4 + 4));

function scale(
  format: PlanarFormat,
  frame: { data: Uint8Array; planes: Plane[] },
  widthPx = 8,
  heightPx = 4,
) {
  return planesToRgba({
    ...frame,
    format,
    widthPx,
    heightPx,
    targetWidthPx: 4,
    targetHeightPx: 2,
    matrix: yuvMatrixFor(null),
  });
}

describe("planesToRgba: a camera frame scaled to the model's input", () => {
  it("keeps a red shirt red and a blue wall blue, on the side they were (I420)", () => {
    const out = scale("I420", halvesI420());
    expect(out.length).toBe(4 * 2 * 4);
    for (const [got, want] of [
      [pixel(out, 4, 0, 0), [255, 0, 0, 255]],
      [pixel(out, 4, 3, 1), [0, 0, 255, 255]],
    ] as const)
      got.forEach((c, i) => expect(Math.abs(c - want[i]!)).toBeLessThanOrEqual(3));
  });

  it("reads NV12 (interleaved chroma) to the same picture as I420", () => {
    const i420 = halvesI420();
    expect(Array.from(scale("NV12", toNv12(i420)))).toEqual(Array.from(scale("I420", i420)));
  });

  it("swaps BGRA's channels and blends neighbouring pixels when it scales", () => {
    // 2×1 BGRA: a red pixel then a blue one, scaled to one pixel: their mean.
    const bgra = new Uint8Array([0, 0, 255, 255, 255, 0, 0, 255]);
    const out = planesToRgba({
      data: bgra,
      format: "BGRA",
      planes: [{ offset: 0, stride: 8 }],
      widthPx: 2,
      heightPx: 1,
      targetWidthPx: 1,
      targetHeightPx: 1,
      matrix: yuvMatrixFor(null),
    });
    expect(Array.from(out)).toEqual([128, 0, 128, 255]);
  });

  it("uses the frame's own matrix: full-range BT.709 grey stays grey", () => {
    const matrix = yuvMatrixFor({ matrix: "bt709", fullRange: true });
    expect(matrix).toEqual({ kr: 0.2126, kb: 0.0722, limitedRange: false });
    const grey = new Uint8Array([128, 128, 128, 128, 128, 128]);
    const out = planesToRgba({
      data: grey,
      format: "I420",
      planes: [
        { offset: 0, stride: 2 },
        { offset: 4, stride: 1 },
        { offset: 5, stride: 1 },
      ],
      widthPx: 2,
      heightPx: 2,
      targetWidthPx: 1,
      targetHeightPx: 1,
      matrix,
    });
    expect(Array.from(out)).toEqual([128, 128, 128, 255]);
  });
});

describe("planesToRgba: buffers kept from frame to frame", () => {
  it("writes the next frame into the last frame's buffer when the size matches", () => {
    const first = scale("I420", halvesI420());
    const again = planesToRgba({
      ...halvesI420(),
      format: "I420",
      widthPx: 8,
      heightPx: 4,
      targetWidthPx: 4,
      targetHeightPx: 2,
      matrix: yuvMatrixFor(null),
      out: first,
    });
    expect(again).toBe(first);
    const other = planesToRgba({
      ...halvesI420(),
      format: "I420",
      widthPx: 8,
      heightPx: 4,
      targetWidthPx: 2,
      targetHeightPx: 1,
      matrix: yuvMatrixFor(null),
      out: first,
    });
    expect(other).not.toBe(first);
    expect(other.length).toBe(2 * 1 * 4);
  });
});
