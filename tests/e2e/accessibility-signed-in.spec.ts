import { expect, test as base, type Browser, type Page, type WorkerInfo } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { demo, expectSignedIn, signIn } from "./support/sign-in";

// WCAG 2.1 A and AA rules (as accessibility.spec.ts holds the public pages to) on the pages behind
// sign-in, in both languages: Chinese at the unprefixed URLs, English under /en. Each role signs in
// once per worker and its page is reused by every test of that role, so the file stays CI-sized.
// Forms are also checked in the states a user meets them in: a refused sign-in, the two-factor
// step, a report whose save was refused (error summary, fields marked invalid).

const LOCALES = [
  { name: "zh-CN", prefix: "" },
  { name: "en", prefix: "/en" },
] as const;

type RolePages = { district: Page; bureau: Page; sysadmin: Page; secadmin: Page; auditor: Page };
type WorkerFixture = [(args: { browser: Browser }, use: (page: Page) => Promise<void>, info: WorkerInfo) => Promise<void>, { scope: "worker"; timeout: number }];

/** A page signed in as the demo account, shared by every test of the worker. */
function signedInAs(username: string): WorkerFixture {
  return [
    async ({ browser }, use, info) => {
      const context = await browser.newContext({ baseURL: info.project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      const page = await context.newPage();
      await signIn(page, username);
      await expectSignedIn(page);
      await use(page);
      await context.close();
    },
    // a second sign-in of an account waits for the next TOTP step (up to 30 s)
    { scope: "worker", timeout: 60_000 },
  ];
}

const test = base.extend<object, RolePages>({
  district: signedInAs("tiedong.admin"),
  bureau: signedInAs("bureau.staff"),
  sysadmin: signedInAs("sysadmin"),
  secadmin: signedInAs("secadmin"),
  auditor: signedInAs("auditor"),
});

/** Opens the page (it must be served to this role, not forbidden or redirected) and runs axe on it. */
async function violationsAt(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(new URL(page.url()).pathname, url).toBe(url.split(/[?#]/)[0]);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return axeViolations(page);
}

/** Every page of the test at once, so one failure lists them all: { url: [violations] }. */
async function expectNoViolations(page: Page, urls: string[]) {
  const found: Record<string, string[]> = {};
  for (const url of urls) found[url] = await violationsAt(page, url);
  expectClean(found);
}

function expectClean(found: Record<string, string[]>) {
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
}

/** The id in the first link to `/<section>/<id>` on the page, to open a record without knowing its id. */
async function firstId(page: Page, section: string): Promise<string> {
  const hrefs = await page.locator(`main a[href*="${section}/"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const id = hrefs.map((href) => href.match(new RegExp(`${section}/(\\d+)`))?.[1]).find(Boolean);
  if (!id) throw new Error(`no link to ${section}/<id> on ${page.url()}`);
  return id;
}

for (const { name, prefix } of LOCALES) {
  test.describe(`signed-in pages in ${name}`, () => {
    // several pages per test, each loaded and analysed in full
    test.describe.configure({ timeout: 90_000 });

    test("login: the form, a wrong password, the two-factor step", async ({ page }) => {
      // bureau.leader is otherwise unused by the browser tests: one wrong password per language
      // stays far below the lockout threshold.
      const account = demo("bureau.leader");
      const found: Record<string, string[]> = {};
      found["form"] = await violationsAt(page, `${prefix}/login`);

      await page.locator("#login-username").fill(account.username);
      await page.locator("#login-password").fill("not-the-password-2017");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator('[role=alert][aria-labelledby="login-error-title"]')).toBeFocused();
      found["wrong password"] = await axeViolations(page);

      await page.locator("#login-password").fill(account.password);
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("#login-totp-code")).toBeFocused();
      found["two-factor step"] = await axeViolations(page);
      expectClean(found);
    });

    test("district: workspace, reports owed, notifications, account", async ({ district }) => {
      await expectNoViolations(
        district,
        ["/workspace", "/reports", "/notifications", "/account/password", "/account/email", "/account/two-factor"].map((path) => `${prefix}${path}`),
      );
    });

    test("district: the report form, and the error summary after a failed save", async ({ district, bureau }) => {
      const reportId = await tiedongReportOpenForEditing(bureau);
      const found: Record<string, string[]> = {};
      const url = `${prefix}/reports/${reportId}`;
      found[url] = await violationsAt(district, url);
      await expect(district.locator("form button[value=save]")).toBeVisible();

      // a negative head count: the server refuses the save and the summary lists the field
      await district.locator('main form input[inputmode="numeric"]').first().fill("-5");
      await district.locator("form button[value=save]").click();
      await expect(district.getByRole("alert").first()).toBeFocused();
      await expect(district.locator('[aria-invalid="true"]').first()).toBeVisible();
      found[`${url} (save refused)`] = await axeViolations(district);

      found[`${url}/excel`] = await violationsAt(district, `${url}/excel`);
      expectClean(found);
    });

    test("bureau: workspace, notifications, the review queue and a report under review", async ({ bureau }) => {
      const found: Record<string, string[]> = {};
      for (const path of ["/workspace", "/notifications"]) found[`${prefix}${path}`] = await violationsAt(bureau, `${prefix}${path}`);
      found[`${prefix}/review`] = await violationsAt(bureau, `${prefix}/review`);
      const review = `${prefix}/review/${await firstId(bureau, "/review")}`;
      found[review] = await violationsAt(bureau, review);
      expectClean(found);
    });

    test("bureau: cycles, a cycle, the new-cycle form", async ({ bureau }) => {
      const found: Record<string, string[]> = {};
      found[`${prefix}/cycles`] = await violationsAt(bureau, `${prefix}/cycles`);
      const cycle = `${prefix}/cycles/${await firstId(bureau, "/cycles")}`;
      found[cycle] = await violationsAt(bureau, cycle);
      found[`${prefix}/cycles/new`] = await violationsAt(bureau, `${prefix}/cycles/new`);
      expectClean(found);
    });

    test("system administrator: units, departments, measures, each with a record's page", async ({ sysadmin }) => {
      const found: Record<string, string[]> = {};
      found[`${prefix}/workspace`] = await violationsAt(sysadmin, `${prefix}/workspace`);
      for (const section of ["/admin/units", "/admin/departments", "/admin/measures"]) {
        found[`${prefix}${section}`] = await violationsAt(sysadmin, `${prefix}${section}`);
        const record = `${prefix}${section}/${await firstId(sysadmin, section)}`;
        found[record] = await violationsAt(sysadmin, record);
      }
      expectClean(found);
    });

    test("system administrator: users, a user, a new user", async ({ sysadmin }) => {
      const found: Record<string, string[]> = {};
      found[`${prefix}/admin/users`] = await violationsAt(sysadmin, `${prefix}/admin/users`);
      await sysadmin.goto(`${prefix}/admin/users?q=tiedong.admin`);
      const user = `${prefix}/admin/users/${await firstId(sysadmin, "/admin/users")}`;
      found[user] = await violationsAt(sysadmin, user);
      found[`${prefix}/admin/users/new`] = await violationsAt(sysadmin, `${prefix}/admin/users/new`);
      expectClean(found);
    });

    test("security and audit administrators: security policy, audit log", async ({ secadmin, auditor }) => {
      const found: Record<string, string[]> = {};
      found[`${prefix}/admin/security-policy`] = await violationsAt(secadmin, `${prefix}/admin/security-policy`);
      found[`${prefix}/admin/audit`] = await violationsAt(auditor, `${prefix}/admin/audit`);
      expectClean(found);
    });
  });
}

/**
 * Tiedong's report of the open 2020 cycle, editable by its district. The demo seed leaves it
 * approved (prisma/seed/demo-reports.ts), so the bureau reopens it first, as reporting.spec.ts does;
 * that spec finds it either way.
 */
let tiedongReport: Promise<string> | undefined;
function tiedongReportOpenForEditing(bureau: Page): Promise<string> {
  tiedongReport ??= reopenTiedongReport(bureau);
  return tiedongReport;
}

async function reopenTiedongReport(bureau: Page): Promise<string> {
  await bureau.goto("/cycles");
  await bureau.getByRole("link", { name: /2020年终评估/ }).click();
  await bureau.getByRole("link", { name: "铁东区", exact: true }).click();
  await expect(bureau.getByRole("heading", { level: 1, name: /铁东区/ })).toBeVisible();
  const reopen = bureau.getByRole("button", { name: "重新打开报告" });
  if (await reopen.isVisible()) {
    await bureau.getByLabel("原因", { exact: true }).fill("无障碍检查:重新打开以便检查填报表单。");
    await reopen.click();
    await expect(bureau.getByText(/当前状态为“已退回修改”/)).toBeVisible();
  }
  const id = new URL(bureau.url()).pathname.match(/\/review\/(\d+)/)?.[1];
  if (!id) throw new Error(`not on a review page: ${bureau.url()}`);
  return id;
}
