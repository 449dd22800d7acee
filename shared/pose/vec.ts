/** A point or direction in 3D. Units follow the source (metres for world landmarks). */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** Builds a vector. */
export const vec = (x: number, y: number, z: number): Vec3 => ({ x, y, z });
/** a + b */
export const add = (a: Vec3, b: Vec3): Vec3 => vec(a.x + b.x, a.y + b.y, a.z + b.z);
/** a - b */
export const sub = (a: Vec3, b: Vec3): Vec3 => vec(a.x - b.x, a.y - b.y, a.z - b.z);
/** a * k */
export const scale = (a: Vec3, k: number): Vec3 => vec(a.x * k, a.y * k, a.z * k);
/** Dot product. */
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
/** Cross product. */
export const cross = (a: Vec3, b: Vec3): Vec3 =>
  vec(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
/** Euclidean length. */
export const norm = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);
/** Distance between two points. */
export const dist = (a: Vec3, b: Vec3): number => norm(sub(a, b));
/** Midpoint of two points. */
export const mid = (a: Vec3, b: Vec3): Vec3 => scale(add(a, b), 0.5);
/** Unit vector in the direction of a (the zero vector stays zero). */
export const unit = (a: Vec3): Vec3 => {
  const length = norm(a);
  return length > 1e-9 ? scale(a, 1 / length) : vec(0, 0, 0);
};
/** Linear interpolation from a (t = 0) to b (t = 1). */
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t));

/** Angle between two directions in degrees, 0..180 (0 for a zero-length input). */
export function angleBetweenDeg(a: Vec3, b: Vec3): number {
  const lengths = norm(a) * norm(b);
  if (lengths < 1e-12) return 0;
  const cosine = Math.min(1, Math.max(-1, dot(a, b) / lengths));
  return (Math.acos(cosine) * 180) / Math.PI;
}

/** Angle at `vertex` between the rays to `a` and `c`, in degrees (180 = straight). */
export const jointAngleDeg = (a: Vec3, vertex: Vec3, c: Vec3): number =>
  angleBetweenDeg(sub(a, vertex), sub(c, vertex));

/** Removes from `a` its component along unit direction `axis`. */
export const reject = (a: Vec3, axis: Vec3): Vec3 => sub(a, scale(axis, dot(a, axis)));
