import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ReportStatus } from "@/generated/prisma/enums";
import { daysLeft, isLate, isoDay } from "./dates";
import { EDITABLE_STATUSES } from "./state-machine";

// One report as every list shows it (the filer's list, the review queue, a cycle's reports):
// shared by the reads in queries.ts, review-queries.ts and cycle-queries.ts.

export type ReportSummary = {
  id: number;
  cycle: { code: string; nameZh: string; nameEn: string };
  status: ReportStatus;
  /** YYYY-MM-DD */
  dueOn: string;
  /** negative: overdue by that many days */
  daysLeft: number;
  /** still outstanding after the due date, or submitted after it */
  late: boolean;
  /** still with its filer (not submitted yet, or returned): the due date still counts down */
  outstanding: boolean;
  submittedAt: string | null;
  version: number;
};

export const summarySelect = {
  id: true,
  status: true,
  dueOn: true,
  submittedAt: true,
  version: true,
  cycle: { select: { code: true, nameZh: true, nameEn: true, status: true, periodStart: true } },
} satisfies Prisma.ReportSelect;

type SummaryRow = Prisma.ReportGetPayload<{ select: typeof summarySelect }>;

export const outstanding = (status: ReportStatus) => EDITABLE_STATUSES.includes(status);

export function lateOf(status: ReportStatus, dueOn: Date, submittedAt: Date | null, now: Date) {
  if (outstanding(status)) return isLate(dueOn, null, now);
  return isLate(dueOn, submittedAt, now);
}

export function summary(row: SummaryRow, now: Date): ReportSummary {
  return {
    id: row.id,
    cycle: { code: row.cycle.code, nameZh: row.cycle.nameZh, nameEn: row.cycle.nameEn },
    status: row.status,
    dueOn: isoDay(row.dueOn),
    daysLeft: daysLeft(row.dueOn, now),
    late: lateOf(row.status, row.dueOn, row.submittedAt, now),
    outstanding: outstanding(row.status),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    version: row.version,
  };
}
