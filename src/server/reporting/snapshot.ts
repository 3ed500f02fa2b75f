import { ITEM_FIELD_KEYS, type ItemFieldKey, type ItemFields } from "@/shared/reporting/report-fields";

// What a submission froze: the items and values exactly as the reviewer received them. Kept as
// JSON on ReportSubmission so that a resubmission can be compared with the one before it even
// after the live rows have changed again. An item carries every field of report-fields.ts; a
// snapshot taken before a field existed simply lacks it (compared as empty).

export type SnapshotItem = { measureId: number; label: string } & ItemFields;
export type SnapshotValue = { indicatorId: number; code: string; subjectUnitId: number; value: string | null; comment: string | null };
export type ReportSnapshot = { items: SnapshotItem[]; values: SnapshotValue[] };

export type DiffEntry = {
  /** `item.<measureId>.<field>` or `value.<indicatorId>.<subjectUnitId>[.comment]` */
  key: string;
  kind: "item" | "value";
  measureId: number | null;
  indicatorId: number | null;
  subjectUnitId: number | null;
  field: ItemFieldKey | "value" | "comment";
  before: string | null;
  after: string | null;
};

/** Every field that differs between two submissions, items first, in a stable order. */
export function diffSnapshots(before: ReportSnapshot, after: ReportSnapshot): DiffEntry[] {
  const out: DiffEntry[] = [];
  const beforeItems = new Map(before.items.map((i) => [i.measureId, i]));
  const afterItems = new Map(after.items.map((i) => [i.measureId, i]));
  const measureIds = [...new Set([...beforeItems.keys(), ...afterItems.keys()])].sort((a, b) => a - b);
  for (const measureId of measureIds) {
    const b = beforeItems.get(measureId);
    const a = afterItems.get(measureId);
    for (const field of ITEM_FIELD_KEYS) {
      const was = b?.[field] ?? null;
      const now = a?.[field] ?? null;
      if (was !== now) out.push({ key: `item.${measureId}.${field}`, kind: "item", measureId, indicatorId: null, subjectUnitId: null, field, before: was, after: now });
    }
  }
  const id = (v: SnapshotValue) => `${v.indicatorId}.${v.subjectUnitId}`;
  const beforeValues = new Map(before.values.map((v) => [id(v), v]));
  const afterValues = new Map(after.values.map((v) => [id(v), v]));
  const valueIds = [...new Set([...beforeValues.keys(), ...afterValues.keys()])].sort((x, y) => {
    const [xi, xs] = x.split(".").map(Number);
    const [yi, ys] = y.split(".").map(Number);
    return xi! - yi! || xs! - ys!;
  });
  for (const valueId of valueIds) {
    const b = beforeValues.get(valueId);
    const a = afterValues.get(valueId);
    const [indicatorId, subjectUnitId] = valueId.split(".").map(Number) as [number, number];
    if ((b?.value ?? null) !== (a?.value ?? null)) {
      out.push({ key: `value.${valueId}`, kind: "value", measureId: null, indicatorId, subjectUnitId, field: "value", before: b?.value ?? null, after: a?.value ?? null });
    }
    if ((b?.comment ?? null) !== (a?.comment ?? null)) {
      out.push({ key: `value.${valueId}.comment`, kind: "value", measureId: null, indicatorId, subjectUnitId, field: "comment", before: b?.comment ?? null, after: a?.comment ?? null });
    }
  }
  return out;
}
