"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import {
  assignUserRoleSpec,
  createUserSpec,
  disableUserSpec,
  enableUserSpec,
  endUserSessionsSpec,
  resetUserPasswordSpec,
  unlockUserSpec,
  updateUserProfileSpec,
} from "@/server/users/actions";
import { updateSecurityPolicySpec } from "@/server/users/security-policy-actions";

export const createUser = serverAction(createUserSpec);
export const updateUserProfile = serverAction(updateUserProfileSpec);
export const disableUser = serverAction(disableUserSpec);
export const enableUser = serverAction(enableUserSpec);
export const unlockUser = serverAction(unlockUserSpec);
export const resetUserPassword = serverAction(resetUserPasswordSpec);
export const assignUserRole = serverAction(assignUserRoleSpec);
export const endUserSessions = serverAction(endUserSessionsSpec);
export const updateSecurityPolicy = serverAction(updateSecurityPolicySpec);
