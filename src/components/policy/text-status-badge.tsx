import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TextStatus } from "@/generated/prisma/enums";

const TONE = { NOT_ENTERED: "missing", ENTERED_BY_STAFF: "info", FROM_SOURCE: "neutral" } as const;

/** Where a measure's text comes from: the source, staff, or nowhere yet (stands out). */
export async function TextStatusBadge({ status }: { status: TextStatus }) {
  const t = await getTranslations("adminPolicy.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
