"use client";

import type { MessageKey } from "@/i18n/message-files";
import { useTranslations } from "next-intl";
import { fieldApplies, ITEM_FIELD_KEYS } from "@/shared/reporting/report-fields";
import { itemKey, valueKey } from "@/shared/reporting/validation";
import { FigureCell, FigureField } from "./figure-field";
import { EMPTY_VALUE, type FormMeasure, type FormSubject, type ItemState, type ValueState } from "./form-types";
import { ItemField } from "./item-field";
import { figureKey } from "./ratio";
import { RatioDisplay } from "./ratio-display";

// One measure of the report form: the reviewer's reason if it was returned, the item's own
// fields (report-fields.ts), its figures about the unit with their computed ratios, and the
// figures of each township as a table.

type MeasureProps = {
  measure: FormMeasure;
  item: ItemState;
  values: Record<string, ValueState>;
  previous: Record<string, string>;
  unit: FormSubject;
  townships: FormSubject[];
  warningsAt: (field: string) => MessageKey[] | undefined;
  errorsAt: (field: string) => MessageKey[] | undefined;
  onItem: (patch: Partial<ItemState>) => void;
  onValue: (key: string, patch: Partial<ValueState>) => void;
};

export function MeasureSection({ measure, item, values, previous, unit, townships, warningsAt, errorsAt, onItem, onValue }: MeasureProps) {
  const t = useTranslations("reporting.form");
  const m = measure.measureId;
  const unitIndicators = measure.indicators.filter((i) => i.scope === "UNIT" && i.valueType !== "RATIO");
  const ratios = measure.indicators.filter((i) => i.valueType === "RATIO");
  const townshipIndicators = measure.indicators.filter((i) => i.scope === "TOWNSHIP" && i.valueType !== "RATIO");
  const returned = measure.reviewStatus === "RETURNED" && measure.returnReason;
  const byId = new Map(measure.indicators.map((i) => [i.id, i]));

  return (
    <section aria-labelledby={`measure-${m}`} className={`rounded border bg-white p-4 ${returned ? "border-2 border-red-700" : "border-stone-300"}`}>
      <h2 id={`measure-${m}`} className="text-lg font-semibold">{measure.heading}</h2>
      {returned && (
        <div className="mt-2 border-l-4 border-red-700 bg-red-50 p-3">
          <p className="font-semibold text-red-900">{t("returnedAtItem")}</p>
          <p className="mt-1 whitespace-pre-line">{measure.returnReason}</p>
        </div>
      )}

      {ITEM_FIELD_KEYS.filter((key) => fieldApplies(key, item)).map((key) => (
        <ItemField key={key} measureId={m} fieldKey={key} item={item} errors={errorsAt(itemKey(m, key))} onItem={onItem} />
      ))}

      {(unitIndicators.length > 0 || ratios.length > 0) && (
        <fieldset className="mt-4">
          <legend className="font-medium">{t("figures")}</legend>
          <div className="mt-2 space-y-4">
            {unitIndicators.map((indicator) => (
              <FigureField
                key={indicator.id}
                indicator={indicator}
                subject={unit}
                state={values[figureKey(indicator.id, unit.id)] ?? EMPTY_VALUE}
                previous={previous[figureKey(indicator.id, unit.id)]}
                warnings={warningsAt(valueKey(indicator.id, unit.id))}
                errorsAt={errorsAt}
                onValue={onValue}
              />
            ))}
          </div>
          {ratios.length > 0 && (
            <dl className="mt-4 space-y-2 rounded bg-stone-100 p-3">
              {ratios.map((ratio) => {
                const numerator = ratio.numeratorId ? byId.get(ratio.numeratorId) : undefined;
                const denominator = ratio.denominatorId ? byId.get(ratio.denominatorId) : undefined;
                const id = `ratio-${ratio.id}`;
                return (
                  <div key={ratio.id}>
                    <dt className="font-medium">{ratio.name}</dt>
                    <dd>
                      <RatioDisplay
                        id={id}
                        numerator={ratio.numeratorId ? (values[figureKey(ratio.numeratorId, unit.id)]?.value ?? "") : ""}
                        denominator={ratio.denominatorId ? (values[figureKey(ratio.denominatorId, unit.id)]?.value ?? "") : ""}
                      />
                      <span className="ml-2 text-sm text-stone-600">
                        {t("ratioHow", { numerator: numerator?.name ?? "?", denominator: denominator?.name ?? "?" })}
                      </span>
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
        </fieldset>
      )}

      {townshipIndicators.length > 0 && townships.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-medium">{t("townshipTable")}</caption>
            <thead>
              <tr className="border-b-2 border-stone-400 text-left">
                <th scope="col" className="p-2">{t("township")}</th>
                {townshipIndicators.map((indicator) => (
                  <th key={indicator.id} scope="col" id={`col-${indicator.id}`} className="p-2">{indicator.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {townships.map((township) => (
                <tr key={township.id} className="border-b border-stone-200 align-top">
                  <th scope="row" id={`row-${township.id}`} className="p-2 text-left font-normal">{township.name}</th>
                  {townshipIndicators.map((indicator) => (
                    <td key={indicator.id} className="p-2">
                      <FigureCell
                        indicator={indicator}
                        subject={township}
                        state={values[figureKey(indicator.id, township.id)] ?? EMPTY_VALUE}
                        errors={errorsAt(valueKey(indicator.id, township.id))}
                        warnings={warningsAt(valueKey(indicator.id, township.id))}
                        onValue={onValue}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

