// `node scripts/bench/dev-server.mjs <wrangler.toml> <port> <state dir> <vars as JSON>`: serves a
// frozen Worker as `wrangler dev` does (local D1, KV and Durable Objects in workerd, the vars that
// scripts/bench/server.ts gives), through wrangler's own API with the inspector off, so the
// runtime's DevTools tap (events for every subrequest, which `wrangler dev` cannot turn off) does
// not run beside the app.
import { unstable_startWorker } from "wrangler";

const [configPath, port, persistTo, varsJson] = process.argv.slice(2);
const vars = Object.entries(JSON.parse(varsJson ?? "{}"));
const worker = await unstable_startWorker({
  config: configPath,
  build: { bundle: false },
  bindings: Object.fromEntries(vars.map(([name, value]) => [name, { type: "plain_text", value }])),
  dev: {
    inspector: false,
    persist: persistTo,
    logLevel: "error",
    watch: false,
    server: { hostname: "127.0.0.1", port: Number(port) },
  },
});
await worker.ready;
process.on("SIGTERM", () => void worker.dispose().then(() => process.exit(0)));
