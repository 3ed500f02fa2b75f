// Makes sure a Chromium is there for the browser tests. Playwright cannot download its own
// browser on these machines, so as root on Debian we install Debian's; elsewhere we say what to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const system = "/usr/bin/chromium";
const bundled = (() => {
  try {
    return chromium.executablePath();
  } catch {
    return "";
  }
})();

if (existsSync(system) || (bundled && existsSync(bundled))) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log("[e2e] no Chromium found: installing Debian's chromium package");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  process.exit(existsSync(system) ? 0 : 1);
}
console.error("[e2e] no Chromium found. Install one: `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`.");
process.exit(1);
