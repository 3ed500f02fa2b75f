import "server-only";
import { z } from "zod";
import { recordIdField } from "@/shared/record-id";
import { ITEM_FIELD_INPUTS } from "@/shared/reporting/report-fields";

// The edit form sends its many fields as two JSON strings (items, values) beside the version
// it was based on; these schemas check their shape. Lengths and ranges are checked by
// validation.ts, which keys its messages by field so the form can show them in place. An
// item's own fields come from report-fields.ts.

const id = recordIdField("reportingErrors.malformed");
// generous bounds against abuse; the real limits (4000 characters of narrative …) are field errors
const text = z.string({ error: "reportingErrors.malformed" }).max(20_000, "reportingErrors.malformed").nullish();

/** A JSON string holding an array of `element`; a blank field is an empty list. */
export function jsonList<T extends z.ZodType>(element: T, max: number) {
  return z
    .string({ error: "reportingErrors.malformed" })
    .optional()
    .transform((raw, ctx) => {
      if (!raw?.trim()) return [];
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "reportingErrors.malformed" });
        return z.NEVER;
      }
    })
    .pipe(z.array(element, { error: "reportingErrors.malformed" }).max(max, "reportingErrors.malformed"));
}

export const itemsField = jsonList(
  z.object({ measureId: id, ...ITEM_FIELD_INPUTS }),
  500,
);

export const valuesField = jsonList(
  z.object({
    indicatorId: id,
    subjectUnitId: id,
    // a number typed into a JSON body is accepted as the text it stands for
    value: z.union([z.string().max(100, "reportingErrors.malformed"), z.number().transform(String), z.boolean().transform(String), z.null().transform(() => "")], { error: "reportingErrors.malformed" }),
    comment: text,
  }),
  5000,
);

// versions count from 1 and are stored as integers, like ids
export const versionField = recordIdField("reportingErrors.malformed");

export const reasonField = z
  .string({ error: "reportingErrors.reasonRequired" })
  .trim()
  .min(2, "reportingErrors.reasonRequired")
  .max(1000, "reportingErrors.reasonTooLong");

export const optionalReason = z
  .string()
  .trim()
  .max(1000, "reportingErrors.reasonTooLong")
  .optional()
  .transform((value) => (value ? value : null));
