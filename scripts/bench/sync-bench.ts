// The `sync` section: 10,000 records pulled through the app's sync client (web/sync) into IndexedDB
// in a disk-backed Chromium profile, against a plain Dexie bulkPut of the same rows in the same page.
import { push, pushBody, signUpUser, workoutMutations } from "./api-users.ts";
import { openProfile } from "./browser.ts";
import type { BenchServer } from "./server.ts";
import { round } from "./stats.ts";

export interface SyncFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  bulkPutSeconds: number;
  ratioToBulkPut: number;
  via: string;
}

interface SyncBenchWindow {
  __spotterSyncBench?: (
    pullLimit: number,
    username: string,
  ) => Promise<{
    rows: number;
    pullSeconds: number;
    rowsPerSecond: number;
    bulkPutSeconds: number;
    ratioToBulkPut: number;
  }>;
}

const SETS_PER_WORKOUT = 4;
const MUTATIONS_PER_PUSH = 100;

export async function benchSync(
  server: BenchServer,
  records: number,
  log: (line: string) => void,
): Promise<SyncFigures> {
  const { origin } = server;
  const user = await signUpUser(origin, "syncbench");
  const workoutsPerPush = MUTATIONS_PER_PUSH / (SETS_PER_WORKOUT + 1);
  const pushes = Math.ceil(records / MUTATIONS_PER_PUSH);
  log(`sync: seeding ${pushes * MUTATIONS_PER_PUSH} records through ${pushes} pushes…`);
  const clientId = crypto.randomUUID();
  for (let p = 0; p < pushes; p++) {
    const mutations = workoutMutations(workoutsPerPush, SETS_PER_WORKOUT, p * MUTATIONS_PER_PUSH + 1);
    await push(origin, user, pushBody(mutations, clientId));
  }
  const profile = await openProfile();
  try {
    const [name, value] = user.cookie.split("=") as [string, string];
    await profile.context.addCookies([{ name, value, url: origin }]);
    const page = await profile.context.newPage();
    await page.goto(`${origin}/performance?bench=sync`);
    await page.waitForFunction(() => (window as SyncBenchWindow).__spotterSyncBench !== undefined);
    log("sync: pulling into IndexedDB…");
    const r = await page.evaluate(
      (username) => (window as SyncBenchWindow).__spotterSyncBench!(500, username),
      user.username,
    );
    return {
      rows: r.rows,
      seconds: round(r.pullSeconds, 3),
      rowsPerSecond: round(r.rowsPerSecond, 0),
      bulkPutSeconds: round(r.bulkPutSeconds, 3),
      ratioToBulkPut: round(r.ratioToBulkPut),
      via: "web/sync syncOnce (pull pages of 500, applyPulledPage) in /performance?bench=sync",
    };
  } finally {
    await profile.close();
  }
}
