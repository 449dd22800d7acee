// One flat config for the whole repo. Import boundaries keep the layers honest:
// shared/ depends on nothing, edge/ never imports web/, web/ reaches edge/ only for types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import i18next from "eslint-plugin-i18next";
import globals from "globals";

// mannequin-js (GPL-3.0) renders the synthetic test videos; it must never ship in the app.
const devOnly = {
  group: ["mannequin-js", "mannequin-js/*", "three", "three/*"],
  message: "mannequin-js and three are dev tools for scripts/synth only; never ship them.",
};

const restrict = (patterns) => ({
  "no-restricted-imports": ["error", { patterns: [...patterns, devOnly] }],
});

export default tseslint.config(
  {
    ignores: [
      "dist/",
      ".wrangler/",
      ".cache/",
      "node_modules/",
      "public/",
      "edge/worker-configuration.d.ts",
      "test-results/",
      "playwright-report/",
      "bench/out/",
      "traces/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: restrict([
      {
        group: ["**/web/**", "**/edge/**", "../web/*", "../edge/*"],
        message: "shared/ must not depend on web/ or edge/.",
      },
      {
        group: ["node:*", "react", "react-dom", "hono", "hono/*", "dexie"],
        message: "shared/ is pure: no runtime-specific imports.",
      },
    ]),
  },
  {
    files: ["edge/**/*.ts"],
    rules: restrict([{ group: ["**/web/**", "../web/*"], message: "edge/ must not import web/." }]),
  },
  {
    files: ["web/**/*.ts", "web/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/edge/**", "../edge/*"],
              allowTypeImports: true,
              message: "web/ may import edge/ only as `import type`.",
            },
            devOnly,
          ],
        },
      ],
    },
  },
  {
    // Every word on screen comes from the catalogue (web/i18n): text in JSX, and the attributes a
    // person reads or hears, may not be literals. Tests and in-page benchmarks are exempt.
    files: ["web/**/*.tsx"],
    ignores: ["web/**/*.test.tsx", "web/**/bench/**"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: [
              "aria-label",
              "aria-description",
              "aria-valuetext",
              "title",
              "placeholder",
              "alt",
              "label",
            ],
          },
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.{js,mjs,ts}", "e2e/**/*.ts", "*.config.{js,ts}", "bench/**/*.{ts,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
);
