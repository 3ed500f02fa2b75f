"use server";

import { changePasswordSpec, confirmTotpSpec, regenerateRecoveryCodesSpec, startTotpSpec } from "@/server/account/actions";
import { updateOwnEmailSpec } from "@/server/account/email";
import { serverAction } from "@/server/actions/server-action";

export const changePassword = serverAction(changePasswordSpec);
export const startTotp = serverAction(startTotpSpec);
export const confirmTotp = serverAction(confirmTotpSpec);
export const regenerateRecoveryCodes = serverAction(regenerateRecoveryCodesSpec);
export const updateOwnEmail = serverAction(updateOwnEmailSpec);
