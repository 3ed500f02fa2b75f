import { expect, test } from "@playwright/test";

test("home → measure 20 shows the 10 % and 20 % rotation targets with their source sentences", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("城乡义务教育一体化");

  await page.getByRole("link", { name: /第20条\s*完善教师交流制度/ }).click();
  await expect(page).toHaveURL(/\/measures\/20$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第20条 完善教师交流制度");

  const targets = page.getByRole("region", { name: "目标" });
  const rotation = targets.getByRole("article").filter({ hasText: "10%" }).first();
  await expect(rotation).toContainText("≥ 10%");
  await expect(rotation.locator("blockquote")).toContainText("不低于符合交流条件教师总数的10%");
  const backbone = targets.getByRole("article").filter({ hasText: "20%" }).first();
  await expect(backbone).toContainText("≥ 20%");
  await expect(backbone.locator("blockquote")).toContainText("骨干教师不低于交流轮岗教师总数的20%");

  // the quoted sentences are marked in the full text too
  await expect(page.locator("mark.source-span").first()).toBeVisible();
  // and the duties table names the education departments as lead
  await expect(page.getByRole("region", { name: "部门与单位职责" })).toContainText("牵头");
});

test("language switch to English and back keeps the page", async ({ page }) => {
  await page.goto("/measures/20");
  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en\/measures\/20$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Measure 20");
  await expect(page.getByRole("heading", { name: "Targets" })).toBeVisible();

  await page.getByRole("link", { name: "切换到中文" }).click();
  await expect(page).toHaveURL(/\/measures\/20$/);
  await expect(page).not.toHaveURL(/\/en\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第20条 完善教师交流制度");
});

test("measure 3 shows the honest empty state, never invented text", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^第3条/ }).click();
  await expect(page).toHaveURL(/\/measures\/3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第3条");
  await expect(page.getByRole("heading", { name: "原文未收录 / text not yet entered" })).toBeVisible();
  await expect(page.getByText("本平台不会以任何推测内容代替原文")).toBeVisible();
  // no duties or targets are shown for a measure whose text we do not hold
  await expect(page.getByRole("region", { name: "目标" })).toHaveCount(0);

  await page.goto("/en/measures/3");
  await expect(page.getByText("text not yet entered")).toBeVisible();
});

test("departments and units: from a duty to its department, and a county's townships", async ({ page }) => {
  await page.goto("/departments");
  await page.getByRole("link", { name: "公安部门" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("公安部门");
  await expect(page.locator("blockquote", { hasText: "公安部门要加强居住证管理" })).toBeVisible();

  await page.goto("/units");
  await page.getByRole("link", { name: "海城市" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("海城市");
  await expect(page.getByRole("heading", { name: /所辖乡镇/ })).toContainText("26");
  await expect(page.getByRole("link", { name: "牛庄镇" })).toBeVisible();
});

test("an unknown measure is a translated 404", async ({ page }) => {
  const response = await page.goto("/en/measures/99");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
