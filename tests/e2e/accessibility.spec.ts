import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";

// WCAG 2.1 A and AA rules on every public page, in both languages.
const PAGES = ["/", "/login", "/measures/20", "/measures/3", "/measures/s3", "/departments", "/departments/PUBLIC_SECURITY", "/units", "/units/210381"];

for (const locale of ["", "/en"]) {
  for (const path of PAGES) {
    const url = `${locale}${path}`.replace(/\/$/, "") || "/";
    test(`axe finds no WCAG 2.1 AA violation on ${url}`, async ({ page }) => {
      await page.goto(url);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
