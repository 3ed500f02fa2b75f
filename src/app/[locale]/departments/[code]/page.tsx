import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { measureHref, measureName } from "@/shared/measure-label";
import { Link } from "@/i18n/navigation";
import { getDepartment } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const department = await getDepartment(code);
  return department ? { title: localName(department, locale) } : {};
}

export default async function DepartmentPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const department = await getDepartment(code);
  if (!department) notFound();
  const [t, tm, tk] = await Promise.all([getTranslations("departments"), getTranslations("measure"), getTranslations("departmentKind")]);
  const en = locale === "en";
  const name = localName(department, locale);
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/departments", label: t("title") }} title={name}>
        <p className="text-stone-700">
          {tk(department.kind)} · {t("aliases")}: <span lang="zh-CN">{department.aliasesZh.join("、")}</span>
        </p>
      </PageHeader>
      <h2 className="text-lg font-semibold">{t("detailIntro", { name })}</h2>
      {department.duties.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {department.duties.map((duty) => {
            const m = measureName(duty.measure, locale);
            return (
              <li key={duty.code} className="rounded border border-stone-300 bg-white p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={measureHref(duty.measure)} className="font-medium text-brand-800 underline">
                    {m.label} {m.title}
                  </Link>
                  <Badge tone={duty.role === "LEAD" ? "lead" : "neutral"}>{duty.role === "LEAD" ? tm("lead") : tm("cooperating")}</Badge>
                </div>
                <p className="mt-2">{en ? duty.summaryEn : duty.summaryZh}</p>
                <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 text-sm text-stone-700" lang="zh-CN">{duty.sourceQuote}</blockquote>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
