import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction } from "@/server/actions/define-action";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { emailAddress } from "@/server/users/email";
import { ownAccount } from "./actions";

// One's own e-mail address, where reminders and urging are sent. It does not sign anyone in
// (passwords are never reset by e-mail), so changing it needs no re-authentication; it is
// audited and kept in the account's history like an administrator's change, so a district
// that stops receiving mail can see who changed the address and when.

export async function getEmailPage(actor: Actor, context: RequestContext) {
  await authorize(actor, "account:update-email", context, { type: "User", id: actor.userId, userId: actor.userId });
  return db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true, email: true } });
}

export const updateOwnEmailSpec = defineAction({
  name: "account.update-email",
  permission: "account:update-email",
  input: z.object({ email: emailAddress({ invalid: "account.emailInvalid", tooLong: "account.emailTooLong" }) }),
  target: ownAccount,
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.userId} FOR UPDATE`;
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, unitId: true } });
      if (before.email === input.email) throw new AppError("VALIDATION", "errors.VALIDATION", { email: ["account.emailUnchanged"] });
      await tx.user.update({ where: { id: actor.userId }, data: { email: input.email } });
      const changes = { email: { before: before.email, after: input.email } };
      await tx.entityRevision.create({ data: { entityType: "User", entityId: actor.userId, changes: changes as Prisma.InputJsonValue, reason: null, actorId: actor.userId } });
      await audit(tx, { targetType: "User", targetId: actor.userId, unitId: before.unitId, changes });
      return { email: input.email };
    }),
});
