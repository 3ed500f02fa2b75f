"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { ErrorSummary, SubmitButton, TextField } from "@/components/ui/form-kit";
import { Link } from "@/i18n/navigation";
import { confirmTotp, regenerateRecoveryCodes, startTotp } from "@/actions/account";
import { Panel } from "@/components/ui/panel";

/** Creates (or replaces) the pending secret; the page then shows its QR code. */
export function StartTotpForm({ label, tone = "primary" }: { label: string; tone?: "primary" | "secondary" }) {
  const router = useRouter();
  const [result, action] = useActionState(startTotp, null);
  const started = result?.ok === true;
  useEffect(() => {
    if (started) router.refresh();
  }, [started, result, router]);
  return (
    <form action={action}>
      <ErrorSummary result={result} />
      <SubmitButton tone={tone}>{label}</SubmitButton>
    </form>
  );
}

/** Step 1, scan (or type the key); step 2, confirm with a code and the password; then the recovery codes, once. */
export function EnrolPanel({ qrSvg, secret, uri, username }: { qrSvg: string; secret: string; uri: string; username: string }) {
  const t = useTranslations("account.totp");
  const [result, action] = useActionState(confirmTotp, null);
  if (result?.ok) return <RecoveryCodes codes={result.data.recoveryCodes} continueHref="/workspace" />;
  return (
    <>
      <Panel id="totp-scan" title={t("scanTitle")}>
        <p className="mt-1 text-stone-700">{t("scanIntro")}</p>
        {/* drawn on the server as SVG: no image request, nothing sent to a third party */}
        <div role="img" aria-label={t("qrLabel")} className="mt-3 h-56 w-56 border border-stone-300 bg-white p-1 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="mt-2 text-sm">
          {/* on the phone itself there is nothing to scan: the otpauth: link opens the authenticator app */}
          <a href={uri} className="text-brand-800 underline">{t("openInApp")}</a>
        </p>
        <h3 className="mt-4 font-semibold">{t("manualTitle")}</h3>
        <p className="text-sm text-stone-700">{t("manualIntro")}</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium">{t("manualAccount")}</dt>
          <dd>{username}</dd>
          <dt className="font-medium">{t("manualKey")}</dt>
          <dd>
            <code className="break-all rounded bg-stone-100 px-1 font-mono text-base">{secret}</code>
          </dd>
          <dt className="font-medium">{t("manualType")}</dt>
          <dd>{t("manualTypeValue")}</dd>
        </dl>
      </Panel>
      <Panel id="totp-confirm" title={t("confirmTitle")}>
        <form action={action} noValidate className="mt-2 max-w-md">
          <ErrorSummary result={result} labels={{ code: t("code"), currentPassword: t("currentPassword") }} />
          <TextField name="code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" inputMode="numeric" maxLength={7} result={result} required />
          <TextField name="currentPassword" label={t("currentPassword")} hint={t("currentPasswordHint")} type="password" autoComplete="current-password" result={result} required />
          <SubmitButton>{t("confirm")}</SubmitButton>
        </form>
      </Panel>
    </>
  );
}

export function RegenerateRecoveryCodesForm() {
  const t = useTranslations("account.totp");
  const [result, action] = useActionState(regenerateRecoveryCodes, null);
  if (result?.ok) return <RecoveryCodes codes={result.data.recoveryCodes} continueHref="/workspace" />;
  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary result={result} labels={{ currentPassword: t("currentPassword") }} />
      <TextField name="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" result={result} required />
      <SubmitButton>{t("regenerate")}</SubmitButton>
    </form>
  );
}

/** The new codes, shown this once: the server keeps only their hashes. */
function RecoveryCodes({ codes, continueHref }: { codes: string[]; continueHref: string }) {
  const t = useTranslations("account.totp");
  const heading = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  function download() {
    const text = `${t("recoveryFileHeader")}\n\n${codes.join("\n")}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby="recovery-codes" className="rounded border-4 border-amber-600 bg-white p-4">
      <h2 id="recovery-codes" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">{t("recoveryTitle")}</h2>
      <p role="alert" className="mt-2 font-medium text-red-800">{t("recoveryWarning")}</p>
      <p className="mt-2 text-stone-700">{t("recoveryUse")}</p>
      <ol className="mt-3 grid max-w-md grid-cols-2 gap-x-6 gap-y-1 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" onClick={download} className="rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow">
          {t("recoveryDownload")}
        </button>
      </div>
      <div className="mt-4">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} className="h-5 w-5" />
          {t("recoverySaved")}
        </label>
      </div>
      {saved && (
        <p className="mt-3">
          <Link href={continueHref} className="inline-block rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("recoveryContinue")}</Link>
        </p>
      )}
    </section>
  );
}
