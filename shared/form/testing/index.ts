export {
  generateSequence,
  viewOfYaw,
  type RepPlan,
  type SequenceOptions,
  type SyntheticSequence,
  type TruthRep,
} from "./sequence";
export { Random } from "./random";
export { proportions, type Proportions, type Joints } from "./skeleton";
export { SyntheticCamera, type CameraSetup, type NoiseSetup } from "./camera";
