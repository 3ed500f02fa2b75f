"use server";

import { serverAction } from "@/server/actions/server-action";
import { createUnit, deactivateUnit, reactivateUnit, renameUnit } from "@/server/organisation/units";

export const createUnitAction = serverAction(createUnit);
export const renameUnitAction = serverAction(renameUnit);
export const deactivateUnitAction = serverAction(deactivateUnit);
export const reactivateUnitAction = serverAction(reactivateUnit);
