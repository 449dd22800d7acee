import { expect, test, type Page } from "@playwright/test";
import { addPasskeyAuthenticator } from "./support/passkey";

const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;

async function readRecoveryCode(page: Page): Promise<string> {
  const code = (await page.getByLabel("Recovery code value").textContent())?.trim() ?? "";
  expect(code).toMatch(RECOVERY_CODE);
  await expect(page.getByRole("region", { name: "Recovery code" })).toContainText("Store this now");
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByLabel("Recovery code value")).toHaveCount(0);
  return code;
}

test("passkey sign-up, sign-out, passkey sign-in, and recovery-code sign-in on a second device", async ({
  page,
  browser,
}) => {
  await addPasskeyAuthenticator(page);
  await page.goto("/profile");
  const account = page.getByRole("region", { name: "Account" });
  const username = `lifter-${Date.now() % 1_000_000}`;
  await account.getByLabel("Username").first().fill(username);
  await account.getByRole("button", { name: "Create account with a passkey" }).click();
  const firstCode = await readRecoveryCode(page);
  await expect(account).toContainText(`Signed in as ${username}`);

  await account.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(account.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  await account.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(account).toContainText(`Signed in as ${username}`);

  // A second device with no passkey: the recovery code gets in once, and a new code replaces it.
  const secondDevice = await browser.newContext();
  const second = await secondDevice.newPage();
  await second.goto("/profile");
  const secondAccount = second.getByRole("region", { name: "Account" });
  await secondAccount.getByText("Sign in with a recovery code").click();
  const recoverForm = secondAccount.locator("details");
  await recoverForm.getByLabel("Username").fill(username);
  await recoverForm.getByLabel("Recovery code").fill(firstCode);
  await recoverForm.getByRole("button", { name: "Sign in with recovery code" }).click();
  const nextCode = await readRecoveryCode(second);
  expect(nextCode).not.toBe(firstCode);
  await expect(secondAccount).toContainText(`Signed in as ${username}`);

  // Both devices are listed; the second revokes the first, which is then signed out.
  const devices = secondAccount.getByRole("region", { name: "Devices" }).getByRole("listitem");
  await expect(devices).toHaveCount(2);
  await devices.filter({ hasNotText: "(this device)" }).getByRole("button", { name: "Revoke" }).click();
  await expect(devices).toHaveCount(1);
  await page.reload();
  await expect(account.getByRole("button", { name: "Create account with a passkey" })).toBeVisible();
  await secondDevice.close();
});
