import type { Prisma } from "@/generated/prisma/client";
import type { ReportStatus } from "@/generated/prisma/enums";

// Who is told about a report: the active accounts that file it, i.e. the district
// administrators of its unit or the department officers of its department. Scope comes from
// the report row, as everywhere else.

/** Reports that still await the unit's work; submitted, approved and published ones are left alone. */
export const AWAITING_STATUSES: ReportStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

/** `email` is the account's own address (null: none; see mail.ts for what happens then). */
export type Recipient = { id: number; username: string; displayName: string; email: string | null; unitId: number | null; departmentId: number | null };

/** What any reminder about a report reads: its due date, its owner (for the recipients) and the names its notice quotes. */
export const remindedReportSelect = {
  id: true,
  dueOn: true,
  unitId: true,
  departmentId: true,
  cycle: { select: { nameZh: true, nameEn: true } },
  unit: { select: { nameZh: true, nameEn: true } },
  department: { select: { nameZh: true, nameEn: true } },
} as const;

export type ReportOwner = { unitId: number | null; departmentId: number | null };

export async function recipientsFor(client: Pick<Prisma.TransactionClient, "user">, reports: ReportOwner[]): Promise<Recipient[]> {
  const unitIds = [...new Set(reports.flatMap((r) => (r.unitId === null ? [] : [r.unitId])))];
  const departmentIds = [...new Set(reports.flatMap((r) => (r.departmentId === null ? [] : [r.departmentId])))];
  if (unitIds.length === 0 && departmentIds.length === 0) return [];
  return client.user.findMany({
    where: {
      active: true,
      OR: [
        { role: "DISTRICT_ADMIN", unitId: { in: unitIds } },
        { role: "DEPARTMENT_OFFICER", departmentId: { in: departmentIds } },
      ],
    },
    select: { id: true, username: true, displayName: true, email: true, unitId: true, departmentId: true },
    orderBy: { id: "asc" },
  });
}

export function recipientsOf(report: ReportOwner, recipients: Recipient[]): Recipient[] {
  return recipients.filter((u) => (report.unitId !== null ? u.unitId === report.unitId : u.departmentId === report.departmentId));
}
