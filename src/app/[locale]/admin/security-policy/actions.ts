"use server";

import { serverAction } from "@/server/actions/server-action";
import { updateSecurityPolicySpec } from "@/server/users/security-policy-actions";

export const updateSecurityPolicy = serverAction(updateSecurityPolicySpec);
