"use server";

import { serverAction } from "@/server/actions/server-action";
import { extendDueDateSpec, openCycleSpec } from "@/server/reporting/cycles";

export const openCycle = serverAction(openCycleSpec);
export const extendDueDate = serverAction(extendDueDateSpec);
