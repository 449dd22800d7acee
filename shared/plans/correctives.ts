import type { Corrective } from "./types";

/**
 * A library exercise that works on what a recurring fault shows is lacking, with why. Only faults
 * with a well-known remedy are listed; the others get their cue alone.
 */
export const CORRECTIVES: Readonly<Record<string, { exerciseId: string; why: string }>> = {
  knee_valgus: { exerciseId: "Monster_Walk", why: "band walks strengthen the hips that keep the knees out" },
  forward_lean: { exerciseId: "Goblet_Squat", why: "holding the weight in front trains an upright chest" },
  shallow_depth: { exerciseId: "Box_Squat", why: "a box teaches the same depth every rep" },
  heels_rise: { exerciseId: "Seated_Calf_Stretch", why: "more ankle bend keeps the heels down" },
  hips_sag: { exerciseId: "Plank", why: "a braced trunk keeps the hips in line" },
  hips_pike: { exerciseId: "Dead_Bug", why: "trunk control without piking the hips" },
  lumbar_extension: { exerciseId: "Dead_Bug", why: "keeps the ribs down while the arms move" },
  rounded_back: { exerciseId: "Superman", why: "strengthens the back extensors that hold it flat" },
  lean_back: { exerciseId: "Preacher_Curl", why: "the pad stops the body swinging the weight" },
  elbow_drift: { exerciseId: "Preacher_Curl", why: "the pad keeps the elbows still" },
};

/** The corrective for a fault, if one is listed. */
export const correctiveFor = (faultId: string): Corrective | null => {
  const found = CORRECTIVES[faultId];
  return found ? { ...found, faultId } : null;
};
