"use server";

import { serverAction } from "@/server/actions/server-action";
import { importReportWorkbookSpec } from "@/server/reporting-excel/report-excel";

export const importReportWorkbook = serverAction(importReportWorkbookSpec);
