"use server";

import { serverAction } from "@/server/actions/server-action";
import { createDepartment, deactivateDepartment, reactivateDepartment, renameDepartment } from "@/server/organisation/departments";

export const createDepartmentAction = serverAction(createDepartment);
export const renameDepartmentAction = serverAction(renameDepartment);
export const deactivateDepartmentAction = serverAction(deactivateDepartment);
export const reactivateDepartmentAction = serverAction(reactivateDepartment);
