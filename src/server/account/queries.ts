import "server-only";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password-policy";
import { isAdministrator } from "@/shared/roles";
import { getSecurityPolicy, passwordExpired, totpRequired } from "@/server/auth/security-policy";
import { groupSecret, openTotpSecret, totpQrSvg, totpUri } from "@/server/auth/totp";
import { db } from "@/server/db/client";

export type PasswordPage = {
  username: string;
  /** why the change is required now, or null when it is voluntary */
  reason: "issued-password" | "expired" | null;
  minLength: number;
  maxLength: number;
  /** how many earlier passwords may not be reused (administrators), or null */
  historyCount: number | null;
  /** days an administrator password lasts, or null for roles whose passwords do not expire */
  maxAgeDays: number | null;
};

export async function getPasswordPage(actor: Actor, context: RequestContext): Promise<PasswordPage> {
  await authorize(actor, "account:change-password", context, { type: "User", id: actor.userId, userId: actor.userId });
  const [user, policy] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true, role: true, mustChangePassword: true, passwordChangedAt: true } }),
    getSecurityPolicy(),
  ]);
  const admin = isAdministrator(user.role);
  return {
    username: user.username,
    reason: user.mustChangePassword ? "issued-password" : passwordExpired(policy, user.role, user.passwordChangedAt, new Date()) ? "expired" : null,
    minLength: policy.passwordMinLength,
    maxLength: PASSWORD_MAX_LENGTH,
    historyCount: admin ? policy.passwordHistoryCount : null,
    maxAgeDays: admin ? policy.adminPasswordMaxAgeDays : null,
  };
}

export type TwoFactorPage = {
  username: string;
  /** the security policy requires two-factor authentication for this role */
  required: boolean;
  state: "enrolled" | "pending" | "off";
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** while enrolling: what the authenticator app needs (shown to this user only) */
  pending: { qrSvg: string; secret: string; uri: string } | null;
};

export async function getTwoFactorPage(actor: Actor, context: RequestContext): Promise<TwoFactorPage> {
  await authorize(actor, "account:manage-totp", context, { type: "User", id: actor.userId, userId: actor.userId });
  const [user, policy] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { id: true, username: true, role: true, isDemo: true, totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
    }),
    getSecurityPolicy(),
  ]);
  const pendingSecret = user.totpEnabledAt ? null : openTotpSecret(user.totpSecret, user);
  const uri = pendingSecret ? totpUri(user.username, pendingSecret) : null;
  return {
    username: user.username,
    required: totpRequired(policy, user.role),
    state: user.totpEnabledAt ? "enrolled" : pendingSecret ? "pending" : "off",
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    pending: pendingSecret && uri ? { qrSvg: await totpQrSvg(uri), secret: groupSecret(pendingSecret), uri } : null,
  };
}
