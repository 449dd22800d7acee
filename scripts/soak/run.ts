// `npm run soak [-- --users 50 --devices 3 --edits 200 --skew-min 60 --seed 1 --json]`: many users
// with several devices each run the app's own sync client (web/sync, on fake-indexeddb) against the
// real Worker (wrangler dev, local D1/KV) through a fault-injecting proxy, with devices offline for
// hours, clocks skewed, tabs killed mid-work and deletes racing edits. Then faults stop, every
// device syncs until all agree, and the server and every device are compared with the oracle.
// With --json the last stdout line is {"users","devices","edits","lost","duplicated","resurrected","divergent","convergenceS"}.
import "fake-indexeddb/auto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { seededRandom } from "../bench/api-bench.ts";
import { signInAgain, signUpUser } from "../bench/api-users.ts";
import { startBenchServer } from "../bench/server.ts";
import { freezeWorker } from "../lib/frozen-worker.ts";
import { saveProfile } from "../../web/db/repository";
import { installDeviceClocks, realNow } from "./clock.ts";
import { SoakDevice } from "./device.ts";
import { judge, predict, type Holding, type IntendedEdit } from "./oracle.ts";
import { DEFAULT_FAULTS, startFaultProxy } from "./proxy.ts";
import { runUser, type UserSim } from "./scenario.ts";
import { readServer } from "./server-state.ts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    devices: { type: "string", default: "3" },
    edits: { type: "string", default: "200" },
    "skew-min": { type: "string", default: "60" },
    /** Least minutes between two devices' edits of one field; below 2 × skew the oracle's "later" is not knowable. */
    "conflict-gap-min": { type: "string" },
    seed: { type: "string", default: "1" },
    "converge-timeout-s": { type: "string", default: "120" },
    json: { type: "boolean", default: false },
  },
});
const users = Number(values.users);
const devicesPerUser = Number(values.devices);
const editsPerDevice = Number(values.edits);
const maxSkewMs = Number(values["skew-min"]) * 60_000;
const conflictGapMs =
  values["conflict-gap-min"] === undefined
    ? 2 * maxSkewMs + 60_000
    : Number(values["conflict-gap-min"]) * 60_000;
const random = seededRandom(Number(values.seed));
const log = (line: string) => process.stderr.write(`soak: ${line}\n`);
const load = () => loadavg()[0]?.toFixed(2) ?? "?";

installDeviceClocks();
log(
  `load ${load()} (other work shares this machine); freezing the Worker and starting it (wrangler dev, local D1/KV)…`,
);
const dir = ".cache/soak/app";
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "assets"), { recursive: true });
const server = await startBenchServer(
  { distDir: join(dir, "assets"), configPath: freezeWorker(dir, "assets") },
  ".wrangler/soak-state",
);
const proxy = await startFaultProxy(server.origin, DEFAULT_FAULTS, random);
proxy.setFaults(false);
const edits: IntendedEdit[][] = [];
const skews = new Map<string, number>();
let seq = 0;
try {
  log(`signing up ${users} users, ${devicesPerUser} devices each (passkeys, a session per device)…`);
  const sims: UserSim[] = [];
  const auditors: string[] = [];
  // Simulated time starts in the past, so a device an hour fast still stamps within the server's bounds.
  const simStart = realNow() - 20 * 3600_000;
  for (let u = 0; u < users; u++) {
    const account = await signUpUser(server.origin, "soak");
    const sim: UserSim = {
      simNow: simStart,
      devices: [],
      lastFieldEdit: new Map(),
      edits: new Map(),
      offlineUntilStep: new Map(),
      skipped: 0,
    };
    const userEdits: IntendedEdit[] = [];
    edits.push(userEdits);
    for (let d = 0; d < devicesPerUser; d++) {
      const skewMs = Math.round((random() * 2 - 1) * maxSkewMs);
      skews.set(`u${u}d${d}`, skewMs);
      const cookie = d === 0 ? account.cookie : await signInAgain(server.origin, account);
      const device = new SoakDevice({
        name: `u${u}d${d}`,
        username: account.username,
        cookie,
        proxyOrigin: proxy.origin,
        clock: { now: () => sim.simNow + skewMs },
        trueNow: () => sim.simNow,
        record: (e) => userEdits.push(e),
        nextSeq: () => seq++,
      });
      await device.signIn();
      sim.devices.push(device);
    }
    // The profile exists before the devices diverge: its creation is a whole-record put of every
    // field, which would race other devices' edits of any of them.
    await sim.devices[0]!.write(() => saveProfile({}));
    for (const device of sim.devices) await device.sync();
    auditors.push(await signInAgain(server.origin, account));
    sims.push(sim);
  }
  log(
    `${users * devicesPerUser} devices ready; running ${editsPerDevice} edits each through the faults (load ${load()})…`,
  );
  proxy.setFaults(true);
  const t0 = performance.now();
  let done = 0;
  const progress = setInterval(() => {
    const made = sims.reduce((sum, s) => sum + [...s.edits.values()].reduce((a, b) => a + b, 0), 0);
    log(`  ${made} of ${users * devicesPerUser * editsPerDevice} edits, ${done} users done (load ${load()})`);
  }, 10_000);
  try {
    await Promise.all(
      sims.map((sim) =>
        runUser(sim, { editsPerDevice, maxSkewMs, conflictGapMs, random }).then(() => {
          done += 1;
        }),
      ),
    );
  } finally {
    clearInterval(progress);
  }
  const editS = (performance.now() - t0) / 1000;
  log(`edits done in ${editS.toFixed(1)} s; faults off, every device online, syncing until all agree…`);
  proxy.setFaults(false);
  const allDevices = sims.flatMap((s) => s.devices);
  for (const d of allDevices) d.online = true;
  const online = performance.now();
  let convergenceS: number | null = null;
  const timeoutS = Number(values["converge-timeout-s"]);
  let rounds = 0;
  const holdings = async (sim: UserSim) =>
    new Map(await Promise.all(sim.devices.map(async (d) => [d.name, await d.holding()] as const)));
  while ((performance.now() - online) / 1000 < timeoutS) {
    rounds += 1;
    await Promise.all(allDevices.map((d) => d.sync()));
    // Why a user does not agree yet: a device still has changes to push, or holds other values.
    const states = await Promise.all(
      sims.map(async (sim, u): Promise<"agree" | "queued" | "differ"> => {
        const pendingRows = await Promise.all(sim.devices.map((d) => d.pending()));
        if (pendingRows.some((p) => p.outbox > 0)) return "queued";
        const serverHolding = await readServer(server.origin, auditors[u]!);
        return judge(new Map(), serverHolding, await holdings(sim)).divergent === 0 ? "agree" : "differ";
      }),
    );
    const agreed = states.map((state) => state === "agree");
    const count = (state: string) => states.filter((x) => x === state).length;
    log(
      `  round ${rounds}: ${count("agree")} of ${sims.length} users agree, ${count("queued")} with changes ` +
        `still queued, ${count("differ")} differing (${((performance.now() - online) / 1000).toFixed(1)} s)`,
    );
    if (agreed.every(Boolean)) {
      convergenceS = (performance.now() - online) / 1000;
      break;
    }
  }
  log(
    `${convergenceS === null ? `no agreement within ${timeoutS} s` : `all agreed after ${convergenceS.toFixed(1)} s`} (${rounds} sync rounds)`,
  );

  const totals = { lost: 0, duplicated: 0, resurrected: 0, divergent: 0, quarantined: 0, outbox: 0 };
  const examples: string[] = [];
  for (const [u, sim] of sims.entries()) {
    const serverHolding: Holding = await readServer(server.origin, auditors[u]!);
    const verdict = judge(predict(edits[u]!), serverHolding, await holdings(sim));
    totals.lost += verdict.lost;
    totals.duplicated += verdict.duplicated;
    totals.resurrected += verdict.resurrected;
    totals.divergent += verdict.divergent;
    for (const d of sim.devices) {
      const p = await d.pending();
      totals.quarantined += p.quarantined;
      totals.outbox += p.outbox;
    }
    examples.push(...verdict.examples.slice(0, 3).map((e) => `u${u}: ${e}`));
    for (const key of verdict.keys.slice(0, 2)) {
      // The record's intended edits in true-time order, with each device's skew: enough to tell a
      // lost edit from a race the clocks could not order.
      examples.push(`u${u}: history of ${key}:`);
      for (const e of edits[u]!.filter((x) => `${x.entity}:${x.key}` === key).sort(
        (a, b) => a.trueMs - b.trueMs,
      )) {
        const at = ((e.trueMs - simStart) / 60_000).toFixed(1);
        const fields =
          e.op === "delete"
            ? "delete"
            : JSON.stringify(e.fields ? Object.fromEntries(e.fields.map((f) => [f, e.value?.[f]])) : "whole");
        examples.push(
          `    +${at} min ${e.device} (skew ${Math.round((skews.get(e.device) ?? 0) / 60_000)} min): ${fields}`,
        );
      }
    }
  }
  const madeEdits = sims.reduce((sum, s) => sum + [...s.edits.values()].reduce((a, b) => a + b, 0), 0);
  const syncs = allDevices.reduce((sum, d) => sum + d.syncs, 0);
  const failed = allDevices.reduce((sum, d) => sum + d.syncFailures, 0);
  const kills = allDevices.reduce((sum, d) => sum + d.kills, 0);
  log(
    `${users} users × ${devicesPerUser} devices, ${madeEdits} edits (${edits.flat().length} outbox changes), ${syncs} syncs (${failed} failed), ${kills} tabs killed`,
  );
  log(
    `proxy: ${Object.entries(proxy.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  log(
    `lost ${totals.lost}, duplicated ${totals.duplicated}, resurrected ${totals.resurrected}, divergent ${totals.divergent} (goal 0 each); still queued ${totals.outbox}, quarantined ${totals.quarantined}`,
  );
  log(
    `convergence ${convergenceS === null ? "none" : `${convergenceS.toFixed(1)} s`} after the last device came online (goal ≤ 10 s); load ${load()}`,
  );
  for (const e of examples.slice(0, 40)) log(`  ${e}`);
  if (values.json) {
    const line = {
      users,
      devices: users * devicesPerUser,
      edits: madeEdits,
      lost: totals.lost,
      duplicated: totals.duplicated,
      resurrected: totals.resurrected,
      divergent: totals.divergent,
      convergenceS: convergenceS === null ? null : Math.round(convergenceS * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
} finally {
  await proxy.close();
  await server.stop();
}
