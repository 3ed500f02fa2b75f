import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { listDepartments } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "departments" }))("title") };
}

export default async function DepartmentsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tk, departments] = await Promise.all([getTranslations("departments"), getTranslations("departmentKind"), listDepartments()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t("name")}</th>
              <th scope="col" className="p-2">{t("kind")}</th>
              <th scope="col" className="p-2 text-right">{t("duties")}</th>
              <th scope="col" className="p-2 text-right">{t("leads")}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.code} className="border-b border-stone-200">
                <td className="p-2">
                  <Link href={`/departments/${d.code}`} className="text-brand-800 underline">{localName(d, locale)}</Link>
                </td>
                <td className="p-2">{tk(d.kind)}</td>
                <td className="p-2 text-right tabular-nums">{d.duties.length}</td>
                <td className="p-2 text-right tabular-nums">{d.duties.filter((duty) => duty.role === "LEAD").length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
