import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/authorize";
import { isAdministrator } from "@/shared/roles";

/** The actions on one account that the account page lays out, in the order it lists them. */
export const USER_ADMIN_ACTIONS = ["profile", "role", "disable", "enable", "unlock", "reset", "endSessions"] as const;
export type UserAdminAction = (typeof USER_ADMIN_ACTIONS)[number];

type AccountState = { id: number; role: Role; active: boolean; locked: boolean; failedLoginCount: number; totpEnrolled: boolean; openSessionCount: number };

/**
 * What the viewer may do with this account, from the permission table and the rules the
 * actions enforce (users/actions.ts): nobody changes their own role, disables themself or
 * resets their own password; another administrator's password is reset only once they have a
 * second factor. `may` is what may stay open as a form, so that a form stays on screen (with its
 * confirmation, or the issued password) after its own success changed the account's state;
 * `offered` is what the list of actions shows now. The actions decide again either way.
 */
export function adminActionsFor(actor: Actor, user: AccountState) {
  const target = { userId: user.id };
  const ownAccount = actor.userId === user.id;
  const resetNeedsSecondFactor = isAdministrator(user.role) && user.role !== actor.role && !user.totpEnrolled;
  const may: Record<UserAdminAction, boolean> = {
    profile: can(actor, "user:update-profile", target),
    role: can(actor, "user:assign-role", target) && !ownAccount,
    disable: can(actor, "user:disable", target) && !ownAccount,
    enable: can(actor, "user:disable", target),
    unlock: can(actor, "user:unlock", target),
    reset: can(actor, "user:reset-password", target) && !ownAccount && !resetNeedsSecondFactor,
    endSessions: can(actor, "user:end-sessions", target),
  };
  const offeredNow: Record<UserAdminAction, boolean> = {
    ...may,
    disable: may.disable && user.active,
    enable: may.enable && !user.active,
    unlock: may.unlock && (user.locked || user.failedLoginCount > 0),
    endSessions: may.endSessions && user.openSessionCount > 0,
  };
  return {
    ownAccount,
    may,
    offered: USER_ADMIN_ACTIONS.filter((a) => offeredNow[a]),
    notes: {
      /** the viewer's own account: some of their powers do not apply to it */
      self: ownAccount && (can(actor, "user:assign-role", target) || can(actor, "user:disable", target) || can(actor, "user:reset-password", target)),
      /** the viewer could reset passwords, but not this one until it has a second factor */
      resetBlocked: can(actor, "user:reset-password", target) && !ownAccount && resetNeedsSecondFactor,
    },
  };
}
