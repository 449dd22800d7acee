/** The device's training log: local-first writes (each with its outbox row) and validated reads. */
export { saveCameraSet, type CameraSetExtras } from "./camera-set";
export {
  startWorkout,
  finishWorkout,
  deleteWorkout,
  saveSet,
  deleteSet,
  saveProfile,
  DEFAULT_PROFILE,
  type SetInput,
} from "./repository";
export * from "./queries";
export { LocalWriteError, InvalidRecordError } from "./errors";
export { onLocalWrite } from "./local-writes";
export { getDb, SpotterDb, setDatabase } from "./database";
export { requestPersistentStorage } from "./persistence";
export { clearLocalLog } from "./clear";
export type * from "./records";
// Live queries through the official React binding: re-run when the tables read change, in any tab.
export { useLiveQuery } from "dexie-react-hooks";
