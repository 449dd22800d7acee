// `npm start`: build the PWA, migrate the local D1 and serve app + API through `wrangler dev`.
// PORT picks the port (default 8787); SPOTTER_QUIET=1 turns off per-request logs (benchmarks).
import { migrateLocal, run, startWranglerDev } from "./lib/wrangler.mjs";

const port = Number(process.env.PORT ?? 8787);
if (process.env.SPOTTER_SKIP_BUILD !== "1") run("node_modules/.bin/vite", ["build", "--logLevel", "warn"]);
migrateLocal();
const child = startWranglerDev({ port, quiet: process.env.SPOTTER_QUIET === "1" });
console.log(`Spotter: http://localhost:${port}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
