import { expect, test } from "@playwright/test";

test("after one visit the app and its pose model load with no network", async ({ page, context }) => {
  await page.goto("/train");
  await expect(page.getByRole("status").filter({ hasText: "Ready to work offline" })).toBeVisible({
    timeout: 90_000,
  });

  // Cut every request, the service worker's included (service-worker network events are on).
  await context.route("**/*", (route) => route.abort("internetdisconnected"));

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Train" })).toBeVisible();
  // The Train page's worker loads the runtime and the lite model from the service worker cache.
  await expect(page.locator("[data-pose-status]")).toHaveAttribute("data-pose-status", "ready", {
    timeout: 60_000,
  });
  await page.getByRole("link", { name: "Analyze" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Analyze");

  const model = await page.evaluate(async () => {
    const manifest = (await (await fetch("/models/manifest.json")).json()) as {
      files: { name: string; bytes: number }[];
    };
    const res = await fetch("/models/pose_landmarker_lite.task");
    const bytes = (await res.arrayBuffer()).byteLength;
    return { bytes, expected: manifest.files.find((f) => f.name === "pose_landmarker_lite.task")?.bytes };
  });
  // The network really is gone: the API (never cached) cannot be reached.
  const apiReachable = await page.evaluate(() =>
    fetch("/api/health").then(
      () => true,
      () => false,
    ),
  );
  expect(apiReachable).toBe(false);
  expect(model.bytes).toBeGreaterThan(1_000_000);
  expect(model.bytes).toBe(model.expected);
});
