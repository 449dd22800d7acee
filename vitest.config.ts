import { defineConfig } from "vitest/config";
import { mkdirSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";

// wrangler.toml serves dist/client as assets; the Worker tests need the folder, not a build.
mkdirSync("dist/client", { recursive: true });

// Three runtimes, three projects: pure logic in Node, browser code under happy-dom, and the
// Worker inside workerd with real local D1 and KV (migrations applied in edge/test/setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "shared",
          environment: "node",
          include: ["shared/**/*.test.ts", "scripts/**/*.test.{ts,mjs}"],
        },
      },
      {
        test: {
          name: "web",
          environment: "happy-dom",
          include: ["web/**/*.test.{ts,tsx}"],
          // Components read their words from the catalogue: tests run in English.
          setupFiles: ["./web/i18n/index.ts"],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                APP_ENV: "development",
                LOG_REQUESTS: "0",
                TEST_MIGRATIONS: await readD1Migrations("./edge/migrations"),
              },
            },
          })),
        ],
        test: {
          name: "edge",
          include: ["edge/**/*.test.ts"],
          setupFiles: ["./edge/test/apply-migrations.ts"],
        },
      },
    ],
  },
});
