import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// The page background each theme paints, so a test notices when the system setting is ignored.
const BACKGROUND = { light: "rgb(248, 250, 252)", dark: "rgb(15, 23, 42)" };

const ROUTES = ["/train", "/analyze", "/log", "/plan", "/nutrition", "/library", "/profile", "/performance"];

for (const colorScheme of ["light", "dark"] as const) {
  test(`every route has no serious or critical axe violations in the ${colorScheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    const found: string[] = [];
    for (const route of ROUTES) {
      await page.goto(route);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        BACKGROUND[colorScheme],
      );
      // Pages fill in from IndexedDB after the heading: check once the loading notes are gone.
      await expect(page.getByText("Loading…")).toHaveCount(0);
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(`${route} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
    expect(found).toEqual([]);
  });
}

test("by keyboard: each control Tab reaches shows a focus ring, and a chosen tab's page starts at its heading", async ({
  page,
}) => {
  await page.goto("/train");
  await expect(page.getByRole("heading", { name: "Train", level: 1 })).toBeVisible();
  const seen: string[] = [];
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        name: `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 20)}`,
        ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (focused) seen.push(`${focused.name}: ${focused.ring ? "ring" : "NO RING"}`);
  }
  expect(seen.length).toBeGreaterThan(5);
  expect(seen.filter((s) => s.endsWith("NO RING"))).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Workout log", level: 1 })).toBeFocused();
});
