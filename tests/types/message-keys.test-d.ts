// Compiled by `tsc --noEmit` (npm run typecheck), never run: each `@ts-expect-error` below must
// meet a type error, or tsc fails on the unused directive. So if message keys ever stop being
// typed (src/i18n/app-config.ts), the type check fails here.
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { MessageKey } from "@/i18n/message-files";
import { AppError } from "@/server/errors";
import type { ActionResult } from "@/shared/action-result";

export async function serverComponentKeys() {
  const t = await getTranslations("reporting");
  t("form.comment");
  // @ts-expect-error: no such key in the namespace
  t("form.noSuchKey");
  // @ts-expect-error: a namespace, not a message
  t("form");
  // @ts-expect-error: no such namespace
  await getTranslations("noSuchNamespace");
  const tAll = await getTranslations();
  tAll("errors.VALIDATION");
  // @ts-expect-error: a key of another namespace, without it
  tAll("VALIDATION");
}

export function useClientComponentKeys() {
  const t = useTranslations("auth");
  t("password.tooShort");
  // @ts-expect-error: no such key
  t("password.tooShortt");
}

export function useKeysAsData(status: "SUBMITTED" | "APPROVED") {
  const key: MessageKey = "reportingErrors.lockedSubmitted";
  // @ts-expect-error: a key that a server action or a validation returns must exist too
  new AppError("CONFLICT", "reportingErrors.noSuchReason");
  // @ts-expect-error: …and so must the keys of an action's field errors
  const refused: ActionResult = { ok: false, code: "VALIDATION", messageKey: "errors.VALIDATION", fieldErrors: { name: ["adminOrg.noSuchError"] } };
  // a dynamic key built from a union is checked for each member
  const t = useTranslations("reporting");
  t(`status.${status}`);
  // @ts-expect-error: "LOST" is not a report status with a label
  t(`status.${status === "SUBMITTED" ? "LOST" : status}`);
  return { key, refused };
}
