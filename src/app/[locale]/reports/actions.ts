"use server";

import { serverAction } from "@/server/actions/server-action";
import { saveDraftSpec } from "@/server/reporting/drafts";
import { submitReportSpec } from "@/server/reporting/submission";

export const saveDraft = serverAction(saveDraftSpec);
export const submitReport = serverAction(submitReportSpec);
