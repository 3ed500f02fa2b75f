import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectSignedIn, signIn } from "./support/sign-in";

// The bureau defines a cycle of its own (a half-year special check), is told clearly when its
// dates do not add up, then chooses what the cycle asks (measure 20's rotation ratio only, of
// Haicheng only) and opens it. The ratio brings its numerator and denominator along; the backbone
// figures are not asked for. Haicheng is used so the district story in reporting.spec.ts
// (Tiedong) is untouched.

test("the bureau creates a cycle, chooses measures, indicators and units, and opens it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "bureau.staff");
  await expectSignedIn(page);
  await page.goto("/cycles");
  await page.getByRole("link", { name: "新建报告周期" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建报告周期" })).toBeVisible();

  await page.getByLabel("周期代码", { exact: true }).fill("E2E-H2031");
  await page.getByLabel("中文名称", { exact: true }).fill("2031年上半年专项督查");
  await page.getByLabel("统计期间开始日期", { exact: true }).fill("2031-01-01");
  await page.getByLabel("统计期间结束日期", { exact: true }).fill("2031-06-30");
  await page.getByLabel("开启日期", { exact: true }).fill("2031-06-01");
  await page.getByLabel("截止日期", { exact: true }).fill("2031-05-15");
  await page.getByRole("button", { name: "保存并选择填报范围" }).click();

  // refused at the field, summary focused, everything typed still there
  const summary = page.getByRole("alert", { name: "有以下问题需要处理" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("截止日期必须晚于开启日期");
  await expect(page.getByLabel("中文名称", { exact: true })).toHaveValue("2031年上半年专项督查");
  await expect(page.getByLabel("周期代码", { exact: true })).toHaveValue("E2E-H2031");

  await page.getByLabel("截止日期", { exact: true }).fill("2031-07-15");
  await page.getByRole("button", { name: "保存并选择填报范围" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2031年上半年专项督查" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "选择填报范围并开启" })).toBeVisible();

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  const scope = page.locator("#open");
  await scope.getByRole("checkbox", { name: /^第20条/ }).check();
  await scope.getByRole("checkbox", { name: /^教师交流轮岗比例/ }).check();
  await scope.getByRole("checkbox", { name: "海城市", exact: true }).check();
  // the justice departments hold no duty in measure 20: refused, and every tick stays on screen
  await scope.getByRole("checkbox", { name: /^司法行政部门/ }).check();
  await scope.getByRole("button", { name: "开启此周期" }).click();
  await expect(page.getByRole("alert", { name: "有以下问题需要处理" })).toContainText("没有职责");
  for (const name of [/^第20条/, /^教师交流轮岗比例/, /^海城市$/, /^司法行政部门/]) await expect(scope.getByRole("checkbox", { name })).toBeChecked();
  await scope.getByRole("checkbox", { name: /^司法行政部门/ }).uncheck();
  await scope.getByRole("button", { name: "开启此周期" }).click();

  // the open cycle's page says so (the form is gone), with the reports actually created
  await expect(page).toHaveURL(/\/cycles\/\d+\?opened=1$/);
  await expect(page.getByRole("status")).toHaveText(/周期已开启，已生成\d+份应报报告/);
  const asked = page.getByRole("region", { name: "本期填报范围" });
  await expect(asked).toContainText("教师交流轮岗比例");
  await expect(asked).toContainText("符合交流条件教师总数");
  await expect(asked).toContainText("交流轮岗教师数");
  await expect(asked).not.toContainText("骨干教师");
  await expect(page.getByRole("link", { name: "海城市", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "铁东区", exact: true })).toHaveCount(0);
});
