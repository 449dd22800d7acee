// The server Playwright tests run against: a fresh build and a fresh local D1/KV of its own,
// quiet logs, on PORT (default 8790) so it never fights `npm start` for 8787.
import { rmSync } from "node:fs";
import { migrateLocal, run, startWranglerDev } from "./lib/wrangler.mjs";

const persistTo = ".wrangler/e2e-state";
rmSync(persistTo, { recursive: true, force: true });
run("node_modules/.bin/vite", ["build", "--logLevel", "warn"]);
migrateLocal(persistTo);
const child = startWranglerDev({ port: Number(process.env.PORT ?? 8790), persistTo, quiet: true });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
