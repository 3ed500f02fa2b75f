import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";

// a valid 1 × 1 PNG
const ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

// The reporting story end to end, in the browser: a district fills measure 20's rotation
// figures (the ratios compute themselves), saves and submits; the bureau returns measure 20
// with a reason; the district sees the reason at the item, corrects the figure and resubmits;
// the reviewer sees what changed and approves; the district can no longer edit and is told why.
//
// The demo seed leaves Tiedong's Y2020 report APPROVED (prisma/seed/demo-reports.ts), so the
// story starts with the bureau reopening it, as it would to let a district correct a report.

test.describe.configure({ mode: "serial" });

async function userPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  return page;
}

/** The section of one measure on the report or review page (headed "第20条 …"). */
const measureSection = (page: Page, number: number): Locator => page.getByRole("region", { name: new RegExp(`^第${number}条`) });

/** Every warning that asks for a comment gets one, as a filer who checked the figure would. */
async function answerWarnings(page: Page) {
  const comments = page.getByLabel("情况说明", { exact: true });
  const count = await comments.count();
  for (let i = 0; i < count; i++) {
    const box = comments.nth(i);
    if ((await box.isVisible()) && (await box.inputValue()) === "") await box.fill("已核实,数据以学年统计报表为准。");
  }
}

async function openTiedongForReview(page: Page) {
  await page.goto("/cycles");
  await page.getByRole("link", { name: /2020年终评估/ }).click();
  await page.getByRole("link", { name: "铁东区", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /铁东区/ })).toBeVisible();
}

async function approveRemaining(page: Page) {
  const rest = page.getByRole("button", { name: /其余 \d+ 项全部通过/ });
  if (await rest.isVisible()) await rest.click();
}

test("a district reports, the bureau returns one item, the district corrects it and the bureau approves", async ({ browser }) => {
  test.setTimeout(240_000);
  const bureau = await userPage(browser, "bureau.staff");
  const district = await userPage(browser, "tiedong.admin");

  // The bureau reopens the approved demo report so the district may work on it.
  await openTiedongForReview(bureau);
  const reopen = bureau.getByRole("button", { name: "重新打开报告" });
  if (await reopen.isVisible()) {
    await bureau.getByLabel("原因", { exact: true }).fill("端到端测试:重新打开以便区县更新交流轮岗数据。");
    await reopen.click();
    await expect(bureau.getByText(/当前状态为“已退回修改”/)).toBeVisible();
  }

  // The district opens this cycle's report from "what I owe".
  await district.goto("/reports");
  await expect(district.getByRole("heading", { name: "本期应报" })).toBeVisible();
  await district.getByRole("link", { name: /2020年终评估/ }).first().click();
  await expect(district.getByRole("button", { name: "保存草稿" })).toBeVisible();

  // Measure 20: three typed counts, two ratios computed as they are typed (never typed).
  const m20 = measureSection(district, 20);
  await m20.getByLabel("符合交流条件教师总数", { exact: true }).fill("1000");
  await m20.getByLabel("交流轮岗教师数", { exact: true }).fill("120");
  await m20.getByLabel("交流轮岗教师中的骨干教师数", { exact: true }).fill("30");
  const ratios = m20.locator("output");
  await expect(ratios.nth(0)).toHaveText("12%");
  await expect(ratios.nth(1)).toHaveText("25%");
  // a denominator emptied: the ratio cannot be computed, and says so
  await m20.getByLabel("符合交流条件教师总数", { exact: true }).fill("");
  await expect(ratios.nth(0)).toHaveText("—");
  await m20.getByLabel("符合交流条件教师总数", { exact: true }).fill("1000");
  await expect(ratios.nth(0)).toHaveText("12%");
  await m20.getByLabel("已完成").check();
  await m20.getByLabel("工作进展说明").fill("本学年组织教师交流轮岗。\n\n骨干教师占比保持在四分之一。");
  await answerWarnings(district);

  await district.getByRole("button", { name: "保存草稿" }).click();
  await expect(district.getByText(/草稿已保存\(第 \d+ 版\)/)).toBeVisible();

  // Evidence: the rotation roster, checked by content on the server and listed with the report.
  await district.getByLabel("文件", { exact: true }).setInputFiles({ name: "交流轮岗名单.png", mimeType: "image/png", buffer: Buffer.from(ONE_PIXEL_PNG, "base64") });
  await district.getByRole("button", { name: "上传", exact: true }).click();
  await expect(district.getByText("文件已上传。")).toBeVisible();
  await expect(district.getByRole("table", { name: "本报告所附佐证材料" })).toContainText("交流轮岗名单.png");
  // a script dressed as an image is refused, and nothing is listed for it
  await district.getByLabel("文件", { exact: true }).setInputFiles({ name: "名单.png", mimeType: "image/png", buffer: Buffer.from("<script>alert(1)</script>") });
  await district.getByRole("button", { name: "上传", exact: true }).click();
  await expect(district.getByRole("alert").filter({ hasText: "有以下问题需要处理" })).toBeVisible();
  await expect(district.getByRole("table", { name: "本报告所附佐证材料" }).getByRole("row")).toHaveCount(2); // header + the roster

  await district.getByRole("button", { name: "报送审核" }).click();
  await expect(district.getByText("报告已报送,等待市教育局审核。", { exact: false })).toBeVisible();
  await expect(district.getByRole("button", { name: "保存草稿" })).toHaveCount(0);

  // The bureau returns measure 20 with a reason; everything else is approved.
  await bureau.goto("/review");
  await bureau.getByRole("link", { name: "铁东区", exact: true }).click();
  const r20 = measureSection(bureau, 20);
  await expect(r20.getByRole("row").filter({ hasText: "交流轮岗教师数" }).first()).toContainText("120");
  await approveRemaining(bureau);
  await r20.getByLabel("退回修改").check();
  await r20.getByLabel("退回原因").fill("交流轮岗教师数与花名册不符,请核对后重报。");
  await bureau.getByRole("button", { name: /^退回修改\(1 项\)$/ }).click();
  await expect(bureau.getByText(/当前状态为“已退回修改”/)).toBeVisible();

  // The district sees the reason at the item, corrects the figure and submits again.
  await district.reload();
  const again = measureSection(district, 20);
  await expect(again.getByText("审核退回原因")).toBeVisible();
  await expect(again.getByText("交流轮岗教师数与花名册不符,请核对后重报。")).toBeVisible();
  await again.getByLabel("交流轮岗教师数", { exact: true }).fill("115");
  await expect(again.locator("output").nth(0)).toHaveText("11.5%");
  await answerWarnings(district);
  await district.getByRole("button", { name: "报送审核" }).click();
  await expect(district.getByText("报告已报送,等待市教育局审核。", { exact: false })).toBeVisible();

  // The reviewer sees what changed since the first submission, and approves.
  await bureau.goto("/review");
  await bureau.getByRole("link", { name: "铁东区", exact: true }).click();
  const diff = bureau.getByRole("region", { name: /与上次报送相比的变化/ });
  const changedRow = diff.getByRole("row").filter({ hasText: "交流轮岗教师数 · 数值" }).first();
  await expect(changedRow).toContainText("120");
  await expect(changedRow).toContainText("115");
  await measureSection(bureau, 20).getByLabel("通过", { exact: true }).check();
  await approveRemaining(bureau);
  await bureau.getByRole("button", { name: "审核通过" }).click();
  await expect(bureau.getByText(/当前状态为“已审核通过”/)).toBeVisible();

  // The district can no longer edit, and is told why and who can unlock it.
  await district.reload();
  await expect(district.getByRole("heading", { name: "此报告当前不能修改" })).toBeVisible();
  await expect(district.getByText(/审核人员可以重新打开/)).toBeVisible();
  await expect(district.getByRole("button", { name: "保存草稿" })).toHaveCount(0);
  await expect(district.getByRole("textbox")).toHaveCount(0);

  await bureau.context().close();
  await district.context().close();
});
