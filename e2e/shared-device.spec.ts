import { expect, test, type Page } from "@playwright/test";
import { logSet, squat, syncStatus, syncUntilClean } from "./support/log";
import { addPasskeyAuthenticator } from "./support/passkey";

const account = (page: Page) => page.getByRole("region", { name: "Account" });

/** Creates an account with the page's passkey and returns its recovery code. */
async function signUp(page: Page, username: string): Promise<string> {
  await page.getByRole("link", { name: "Profile" }).click();
  await account(page).getByLabel("Username").first().fill(username);
  await page.getByRole("button", { name: "Create account with a passkey" }).click();
  const code = (await page.getByLabel("Recovery code value").textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(account(page)).toContainText(`Signed in as ${username}`);
  return code;
}

async function signOut(page: Page) {
  await page.getByRole("link", { name: "Profile" }).click();
  await account(page).getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Create account with a passkey" })).toBeVisible();
}

/** Every change the signed-in account holds on the server, as JSON text. */
async function serverLog(page: Page): Promise<string> {
  const res = await page.request.get("/api/sync/pull?limit=500");
  expect(res.status()).toBe(200);
  return res.text();
}

test("on a shared browser, nothing of one account reaches the next", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await addPasskeyAuthenticator(page);
  await page.goto("/log");
  const stamp = Date.now() % 1_000_000;

  // Ann has an account: one set synced, then one logged while sync cannot reach the server.
  const annCode = await signUp(page, `ann-${stamp}`);
  await page.getByRole("link", { name: "Log" }).click();
  await page.getByRole("button", { name: "Start workout" }).click();
  await page.getByRole("searchbox", { name: "Find an exercise to add" }).fill("barbell full squat");
  await page.getByRole("button", { name: "Barbell Full Squat" }).click();
  await logSet(page, "100", "5");
  await syncUntilClean(page);
  await context.route("**/api/sync/**", (route) => route.abort("internetdisconnected"));
  await logSet(page, "77", "7");
  await expect(syncStatus(page)).toHaveAttribute("data-pending", "1");
  await signOut(page);
  await context.unroute("**/api/sync/**");

  // Bob signs up on the same browser: he sees none of Ann's log, and it is set aside for her.
  await signUp(page, `bob-${stamp}`);
  await page.getByRole("link", { name: "Log" }).click();
  await expect(page.getByRole("button", { name: "Start workout" })).toBeVisible();
  await expect(squat(page)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Sync problems" })).toContainText(
    "1 unsynced change of another account is kept on this device for it",
  );
  await syncUntilClean(page);
  await page.getByRole("button", { name: "Start workout" }).click();
  await page.getByRole("searchbox", { name: "Find an exercise to add" }).fill("barbell full squat");
  await page.getByRole("button", { name: "Barbell Full Squat" }).click();
  await logSet(page, "60", "10");
  await syncUntilClean(page);
  const bobLog = await serverLog(page);
  expect(bobLog).toContain('"reps":10');
  expect(bobLog).not.toContain('"reps":7');
  expect(bobLog).not.toContain('"reps":5');

  // Ann signs back in: her set that never synced is back, syncs to her account, and Bob's is not shown.
  await signOut(page);
  const recover = account(page).locator("details");
  await recover.getByText("Sign in with a recovery code").click();
  await recover.getByLabel("Username").fill(`ann-${stamp}`);
  await recover.getByLabel("Recovery code").fill(annCode);
  await recover.getByRole("button", { name: "Sign in with recovery code" }).click();
  await expect(account(page)).toContainText(`Signed in as ann-${stamp}`);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await page.getByRole("link", { name: "Log" }).click();
  await expect(squat(page).getByRole("listitem")).toHaveText([/^5 × 100 kg/, /^7 × 77 kg/]);
  await syncUntilClean(page);
  const annLog = await serverLog(page);
  expect(annLog).toContain('"reps":7');
  expect(annLog).not.toContain('"reps":10');
  await context.close();
});
