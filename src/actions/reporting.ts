"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { addReportersSpec, createCycleSpec, extendDueDateSpec, openCycleSpec, updateCycleSpec } from "@/server/reporting/actions";
import { saveDraftSpec } from "@/server/reporting/drafts";
import { submitReportSpec } from "@/server/reporting/submission";
import { publishReportSpec, reopenReportSpec, reviewReportSpec } from "@/server/reporting/review";

export const createCycle = serverAction(createCycleSpec);
export const updateCycle = serverAction(updateCycleSpec);
export const openCycle = serverAction(openCycleSpec);
export const addReporters = serverAction(addReportersSpec);
export const extendDueDate = serverAction(extendDueDateSpec);
export const saveDraft = serverAction(saveDraftSpec);
export const submitReport = serverAction(submitReportSpec);
export const reviewReport = serverAction(reviewReportSpec);
export const reopenReport = serverAction(reopenReportSpec);
export const publishReport = serverAction(publishReportSpec);
