// CSV for spreadsheets (RFC 4180), made safe to open: the audit log holds text that outsiders
// typed (usernames tried at sign-in, record names), and a cell such as =HYPERLINK(…) must reach
// Excel or WPS as text, never as a formula.

/** Excel reads a UTF-8 file as the local code page (GBK on Chinese Windows) unless it starts with a BOM. */
export const CSV_BOM = "\uFEFF";

// What spreadsheets treat as the start of a formula (OWASP "CSV injection"): = + - @, and a tab
// or carriage return, after which some programs look again at the next character.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | bigint | boolean | null | undefined;

/** A leading apostrophe makes the spreadsheet show the cell as typed, as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(",");

/** BOM, header, rows; every line ends in CRLF as RFC 4180 specifies. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
