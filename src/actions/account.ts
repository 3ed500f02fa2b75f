"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { changePasswordSpec, confirmTotpSpec, regenerateRecoveryCodesSpec, startTotpSpec } from "@/server/account/actions";
import { updateOwnEmailSpec } from "@/server/account/email";

export const changePassword = serverAction(changePasswordSpec);
export const startTotp = serverAction(startTotpSpec);
export const confirmTotp = serverAction(confirmTotpSpec);
export const regenerateRecoveryCodes = serverAction(regenerateRecoveryCodesSpec);
export const updateOwnEmail = serverAction(updateOwnEmailSpec);
