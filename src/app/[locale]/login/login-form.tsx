"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";

// The sign-in form: username and password, then, if the server answers TOTP_REQUIRED, the code
// from the authenticator app (or a recovery code) with the password kept. The server's answer is
// one of four codes; anything else reads as the generic failure.

const KNOWN_ERRORS = ["INVALID", "RATE_LIMITED", "TOTP_INVALID"] as const;
type ErrorCode = (typeof KNOWN_ERRORS)[number] | "CODE_MISSING" | "UNEXPECTED";

const inputClass = "mt-1 w-full max-w-md rounded border-2 border-stone-700 px-2 py-1";

export function LoginForm({ target, initialError }: { target: string; initialError: string | null }) {
  const t = useTranslations("auth.login");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totpCode, setTotpCode] = useState("");
  const [recoveryCode, setRecoveryCode] = useState("");
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(initialError && isKnown(initialError) ? initialError : null);
  const [pending, setPending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const errorPrefix = t("errorPrefix");

  useEffect(() => {
    if (!error) return;
    summary.current?.focus();
    if (!document.title.startsWith(errorPrefix)) document.title = `${errorPrefix} ${document.title}`;
    return () => {
      if (document.title.startsWith(errorPrefix)) document.title = document.title.slice(errorPrefix.length).trimStart();
    };
  }, [error, errorPrefix]);

  useEffect(() => {
    if (needsCode && !error) codeInput.current?.focus();
  }, [needsCode, useRecovery, error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (needsCode && !(useRecovery ? recoveryCode : totpCode).trim()) {
      setError("CODE_MISSING");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        username,
        password,
        totpCode: needsCode && !useRecovery ? totpCode : "",
        recoveryCode: needsCode && useRecovery ? recoveryCode : "",
      });
      if (result && !result.error && result.ok) {
        window.location.assign(target);
        return;
      }
      if (result?.error === "TOTP_REQUIRED") {
        setNeedsCode(true);
      } else {
        setError(result?.error && isKnown(result.error) ? result.error : "UNEXPECTED");
        if (result?.error === "TOTP_INVALID") {
          setTotpCode("");
          setRecoveryCode("");
        }
      }
    } catch {
      setError("UNEXPECTED");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-md">
      {error && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="login-error-title" className="mb-4 border-4 border-red-700 bg-white p-4 focus:outline-none">
          <h2 id="login-error-title" className="text-lg font-semibold">{t("errorTitle")}</h2>
          <p className="mt-1 text-red-800">{t(`errors.${error}`)}</p>
        </div>
      )}

      <div className="mb-4">
        <label htmlFor="login-username" className="block font-medium">{t("username")}</label>
        <input
          id="login-username"
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={100}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          readOnly={needsCode}
          className={`${inputClass} read-only:bg-stone-100`}
        />
      </div>
      <div className="mb-4">
        <label htmlFor="login-password" className="block font-medium">{t("password")}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          readOnly={needsCode}
          className={`${inputClass} read-only:bg-stone-100`}
        />
      </div>

      {needsCode && (
        <fieldset className="mb-4 border-l-4 border-brand-700 pl-3">
          <legend className="font-semibold">{t("codeStepTitle")}</legend>
          {useRecovery ? (
            <div className="mt-2">
              <label htmlFor="login-recovery-code" className="block font-medium">{t("recoveryCode")}</label>
              <p id="login-recovery-code-hint" className="text-sm text-stone-600">{t("recoveryCodeHint")}</p>
              <input
                ref={codeInput}
                id="login-recovery-code"
                name="recoveryCode"
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                required
                maxLength={20}
                aria-describedby="login-recovery-code-hint"
                value={recoveryCode}
                onChange={(e) => setRecoveryCode(e.target.value)}
                className={inputClass}
              />
            </div>
          ) : (
            <div className="mt-2">
              <label htmlFor="login-totp-code" className="block font-medium">{t("totpCode")}</label>
              <p id="login-totp-code-hint" className="text-sm text-stone-600">{t("totpCodeHint")}</p>
              <input
                ref={codeInput}
                id="login-totp-code"
                name="totpCode"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                required
                maxLength={7}
                aria-describedby="login-totp-code-hint"
                value={totpCode}
                onChange={(e) => setTotpCode(e.target.value)}
                className={`${inputClass} max-w-40 tracking-widest`}
              />
            </div>
          )}
          <button type="button" className="mt-2 text-sm text-brand-800 underline" onClick={() => setUseRecovery((v) => !v)}>
            {useRecovery ? t("useTotpCode") : t("useRecoveryCode")}
          </button>
        </fieldset>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} aria-disabled={pending} className="rounded bg-green-800 px-4 py-2 font-medium text-white shadow disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
        {needsCode && (
          <button
            type="button"
            className="text-sm underline"
            onClick={() => {
              setNeedsCode(false);
              setUseRecovery(false);
              setTotpCode("");
              setRecoveryCode("");
              setPassword("");
              setError(null);
            }}
          >
            {t("startOver")}
          </button>
        )}
      </div>
    </form>
  );
}

const isKnown = (raw: string): raw is (typeof KNOWN_ERRORS)[number] => (KNOWN_ERRORS as readonly string[]).includes(raw);
