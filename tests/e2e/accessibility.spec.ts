import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// WCAG 2.1 A and AA rules on every public page, in both languages.
const PAGES = ["/", "/login", "/measures/20", "/measures/3", "/measures/s3", "/departments", "/departments/PUBLIC_SECURITY", "/units", "/units/210381"];

for (const locale of ["", "/en"]) {
  for (const path of PAGES) {
    const url = `${locale}${path}`.replace(/\/$/, "") || "/";
    test(`axe finds no WCAG 2.1 AA violation on ${url}`, async ({ page }) => {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(summary).toEqual([]);
    });
  }
}
