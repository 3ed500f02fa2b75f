"use server";

import { serverAction } from "@/server/actions/server-action";
import { publishReportSpec, reopenReportSpec, reviewReportSpec } from "@/server/reporting/review";

export const reviewReport = serverAction(reviewReportSpec);
export const reopenReport = serverAction(reopenReportSpec);
export const publishReport = serverAction(publishReportSpec);
