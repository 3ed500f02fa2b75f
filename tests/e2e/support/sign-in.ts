import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";

type DemoAccount = { username: string; password: string; totpSecret?: string };
const accounts: DemoAccount[] = JSON.parse(readFileSync(new URL("../../../prisma/seed-data/demo-accounts.json", import.meta.url), "utf8")).accounts;

export const demo = (username: string): DemoAccount => {
  const account = accounts.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
};

// A TOTP code is accepted once per account and 30-second step (replay protection), so a
// second sign-in of the same account waits for the next step. The steps used are kept in a file:
// spec files do not share module state.
const stepsFile = fileURLToPath(new URL("../../../.tmp/e2e-totp-steps.json", import.meta.url));
const readSteps = (): Record<string, number> => (existsSync(stepsFile) ? JSON.parse(readFileSync(stepsFile, "utf8")) : {});

export async function freshCode(username: string, secret: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    const steps = readSteps();
    if ((steps[username] ?? -1) < step) {
      mkdirSync(path.dirname(stepsFile), { recursive: true });
      writeFileSync(stepsFile, JSON.stringify({ ...steps, [username]: step }));
      return await generate({ secret, epoch: Math.floor(Date.now() / 1000), period: 30 });
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Signs in through the login page, with the authenticator code when the account has one. */
export async function signIn(page: Page, username: string, password = demo(username).password) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  const secret = accounts.find((a) => a.username === username)?.totpSecret;
  if (secret) {
    await page.getByLabel("验证码").fill(await freshCode(username, secret));
    await page.getByRole("button", { name: "登录" }).click();
  }
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}
