import { SpotterDb, setDatabase } from "../../db/database";
import { setSignedInAccount } from "../meta";
import { syncOnce } from "../sync-once";
import { httpSyncTransport } from "../transport";
import type { FakeSyncServer } from "./fake-sync-server";

let n = 0;

/** A device in a test: its own database, syncing with `server`, signed in as `username`. */
export async function testDevice(server: FakeSyncServer, username: string | null = "lifter") {
  const db = new SpotterDb(`device-test-${n++}`);
  const transport = httpSyncTransport(server.fetch);
  if (username) await setSignedInAccount(db, { username });
  return {
    db,
    /** Runs `body` with this device's database as the app's database. */
    as: async <T>(body: () => Promise<T>): Promise<T> => {
      setDatabase(db);
      return body();
    },
    sync: (pullLimit?: number) => syncOnce(db, transport, { pullLimit }),
  };
}

/** A manual set of `reps` squats in `workoutId`. */
export const squatSet = (workoutId: string, reps = 5) => ({
  workoutId,
  exerciseId: "Barbell_Full_Squat",
  reps,
  weightKg: 100,
  rpe: 8,
});
