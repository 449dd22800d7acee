// `node scripts/bench/dev-server.mjs <wrangler.toml> <port> <state dir>`: serves a frozen Worker as
// `wrangler dev` does (local D1, KV and Durable Objects in workerd, the same vars as the bench's
// `wrangler dev`), through wrangler's own API with the inspector off, so the runtime's DevTools tap
// (events for every subrequest, which `wrangler dev` cannot turn off) does not run beside the app.
import { unstable_startWorker } from "wrangler";

const [configPath, port, persistTo] = process.argv.slice(2);
const text = (value) => ({ type: "plain_text", value });
const worker = await unstable_startWorker({
  config: configPath,
  build: { bundle: false },
  // The bench-only constant route (scripts/lib/frozen-worker.ts) answers only with BENCH_BARE set.
  bindings: { APP_ENV: text("development"), LOG_REQUESTS: text("0"), BENCH_BARE: text("1") },
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
