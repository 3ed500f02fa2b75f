import type { ReactNode } from "react";

// The one table of the portal: columns declared as data, header cells with scope, a caption for
// screen readers, numbers right-aligned in tabular figures, and a horizontal scroll on narrow
// screens instead of a squeezed layout. Server components only (columns hold render functions).

export type Column<Row> = {
  /** stable key of the column (React key, test hook) */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** "number": right-aligned tabular figures */
  kind?: "text" | "number" | "nowrap";
  /** extra classes for the cells of this column */
  className?: string;
  /** extra classes for one body cell, e.g. to mark a changed value (never the only signal) */
  cellClassName?: (row: Row) => string | undefined;
};

type Props<Row> = {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** what the table holds, for screen readers (visually hidden unless `showCaption`) */
  caption?: ReactNode;
  showCaption?: boolean;
  /** instead of a caption: the id of the visible heading that names the table */
  labelledBy?: string;
  /** shown instead of the table when there are no rows */
  empty?: ReactNode;
  /** classes for a row, e.g. to mark late or returned rows (never the only signal: say it in a cell too) */
  rowClassName?: (row: Row) => string | undefined;
  /** the cell of the first column is the row's header (<th scope="row">) */
  rowHeaders?: boolean;
  /**
   * For a wide table with nothing in it to tab to: its scroll box takes keyboard focus (arrow
   * keys scroll it) and is named like the table. The id is given to the caption.
   */
  scrollRegionId?: string;
};

const cellClass = (kind: Column<unknown>["kind"], ...extra: (string | undefined)[]) =>
  ["p-2", kind === "number" ? "text-right tabular-nums" : kind === "nowrap" ? "whitespace-nowrap" : "", ...extra].filter(Boolean).join(" ");

export function DataTable<Row>({ columns, rows, rowKey, caption, showCaption, labelledBy, empty, rowClassName, rowHeaders, scrollRegionId }: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="text-stone-600">{empty}</p>;
  return (
    <div className="overflow-x-auto" {...(scrollRegionId ? { role: "region", tabIndex: 0, "aria-labelledby": labelledBy ?? scrollRegionId } : {})}>
      <table className="w-full border-collapse bg-white text-sm" aria-labelledby={labelledBy}>
        {caption !== undefined && (
          <caption id={scrollRegionId} className={showCaption ? "mb-2 text-left font-semibold" : "sr-only"}>
            {caption}
          </caption>
        )}
        <thead>
          <tr className="border-b-2 border-stone-400 text-left align-bottom">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column.kind === "number" ? "number" : undefined, column.className)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={["border-b border-stone-200 align-top", rowClassName?.(row) ?? ""].filter(Boolean).join(" ")}>
              {columns.map((column, c) =>
                rowHeaders && c === 0 ? (
                  <th key={column.key} scope="row" className={`${cellClass(column.kind, column.className, column.cellClassName?.(row))} text-left font-normal`}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column.kind, column.className, column.cellClassName?.(row))}>
                    {column.cell(row, index)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
