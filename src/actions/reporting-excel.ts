"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { importReportWorkbookSpec } from "@/server/reporting-excel/report-excel";

export const importReportWorkbook = serverAction(importReportWorkbookSpec);
