"use server";

import { serverAction } from "@/server/actions/server-action";
import { addReportersSpec, createCycleSpec, extendDueDateSpec, openCycleSpec, updateCycleSpec } from "@/server/reporting/actions";

export const createCycle = serverAction(createCycleSpec);
export const updateCycle = serverAction(updateCycleSpec);
export const openCycle = serverAction(openCycleSpec);
export const addReporters = serverAction(addReportersSpec);
export const extendDueDate = serverAction(extendDueDateSpec);
