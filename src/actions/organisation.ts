"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { createDepartmentSpec, deactivateDepartmentSpec, reactivateDepartmentSpec, renameDepartmentSpec } from "@/server/organisation/departments";
import { createUnitSpec, deactivateUnitSpec, reactivateUnitSpec, renameUnitSpec } from "@/server/organisation/units";

export const createUnit = serverAction(createUnitSpec);
export const renameUnit = serverAction(renameUnitSpec);
export const deactivateUnit = serverAction(deactivateUnitSpec);
export const reactivateUnit = serverAction(reactivateUnitSpec);
export const createDepartment = serverAction(createDepartmentSpec);
export const renameDepartment = serverAction(renameDepartmentSpec);
export const deactivateDepartment = serverAction(deactivateDepartmentSpec);
export const reactivateDepartment = serverAction(reactivateDepartmentSpec);
