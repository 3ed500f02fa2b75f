import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { demo, expectSignedIn, freshCode, signIn } from "./support/sign-in";

test("sign-in with a password and a TOTP code; a wrong code is refused; sign-out ends the session", async ({ page }) => {
  const account = demo("bureau.staff");
  await page.goto("/login");
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码", { exact: true }).fill("wrong-password-123");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("用户名或密码错误,或账号已被暂时锁定。")).toBeVisible();

  await page.getByLabel("密码", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "登录" }).click();
  const code = page.getByLabel("验证码");
  await expect(code).toBeVisible();
  // a code from another secret is refused
  await code.fill(await generate({ secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", epoch: Math.floor(Date.now() / 1000), period: 30 }));
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText(/验证码或恢复码不正确/)).toBeVisible();

  await page.getByLabel("验证码").fill(await freshCode(account.username, account.totpSecret!));
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expectSignedIn(page);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login/);
});

test.describe.serial("an administrator at work", () => {
  let admin: Page;

  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    admin = await (await browser.newContext()).newPage();
    await signIn(admin, "sysadmin");
    await expect(admin).toHaveURL(/\/workspace$/);
  });

  test("a new account must change its issued password at first sign-in", async ({ browser }) => {
    await admin.goto("/admin/users/new");
    await admin.getByLabel("用户名").fill("e2e.haicheng");
    await admin.getByLabel("平台内显示的姓名").fill("海城市教育局 测试员");
    await admin.getByLabel("角色").selectOption({ label: "县(市)区/开发区填报员" });
    await admin.getByLabel("县(市)区或开发区").selectOption({ label: "海城市" });
    await admin.getByRole("button", { name: "创建账号" }).click();
    await expect(admin.getByText("账号 e2e.haicheng 已创建。")).toBeVisible();
    const issued = (await admin.getByLabel("签发的密码").inputValue().catch(async () => (await admin.getByLabel("签发的密码").textContent()) ?? "")).trim();
    expect(issued).toMatch(/^[A-Za-z0-9]{16,}$/);

    const user = await (await browser.newContext()).newPage();
    await signIn(user, "e2e.haicheng", issued);
    await expect(user).toHaveURL(/\/account\/password$/);
    await expect(user.getByRole("heading", { name: "请先修改密码" })).toBeVisible();
    // nothing else is reachable until the password is changed
    await user.goto("/workspace");
    await expect(user).toHaveURL(/\/account\/password$/);

    await user.getByLabel("当前密码").fill(issued);
    await user.getByLabel("新密码", { exact: true }).fill("Liaohe river walk at dawn");
    await user.getByLabel("再次输入新密码").fill("Liaohe river walk at dawn");
    await user.getByRole("button", { name: "修改密码" }).click();
    await expect(user).toHaveURL(/\/workspace$/);
    await expect(user.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  });

  test("disabling a user who is signed in elsewhere ends their session at once", async ({ browser }) => {
    const officer = await (await browser.newContext()).newPage();
    await signIn(officer, "finance.officer");
    await expect(officer).toHaveURL(/\/workspace$/);
    await expectSignedIn(officer);

    await admin.goto("/admin/users?q=finance.officer");
    await admin.getByRole("link", { name: "finance.officer" }).click();
    await admin.getByRole("link", { name: "停用账号" }).click();
    await admin.getByLabel(/^原因/).fill("离岗,停用账号(端到端测试)");
    await admin.getByRole("button", { name: "停用账号" }).click();
    await expect(admin.getByRole("status")).toBeVisible();

    await officer.reload();
    await expect(officer.getByRole("link", { name: "登录" })).toBeVisible();
    await officer.goto("/workspace");
    await expect(officer).toHaveURL(/\/login/);
    // and the password no longer opens the account
    await signIn(officer, "finance.officer");
    await expect(officer.getByText("用户名或密码错误,或账号已被暂时锁定。")).toBeVisible();
  });
});

test("a district administrator keeps the e-mail address for reminders up to date", async ({ page }) => {
  await signIn(page, "tiedong.admin");
  await expectSignedIn(page);
  await page.goto("/workspace");
  await page.getByRole("link", { name: /电子邮箱/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "电子邮箱" })).toBeVisible();

  const field = page.getByLabel("电子邮箱地址", { exact: true });
  await field.fill("铁东区教育局");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("alert", { name: "有以下问题需要处理" })).toContainText("请输入有效的电子邮箱地址");
  await expect(field).toHaveValue("铁东区教育局");

  await field.fill("jyj@tiedong.example.cn");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("电子邮箱已保存");
  await expect(page.getByText("当前地址: jyj@tiedong.example.cn")).toBeVisible();
});
