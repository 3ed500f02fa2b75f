"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { FieldFrame } from "@/components/ui/form-kit";
import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes, type Ref } from "react";

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

  // an authenticator code, or instead a recovery code
  const codeField: FieldProps = useRecovery
    ? { id: "login-recovery-code", name: "recoveryCode", label: t("recoveryCode"), hint: t("recoveryCodeHint"), value: recoveryCode, onChange: setRecoveryCode, autoComplete: "off", autoCapitalize: "none", spellCheck: false, maxLength: 20 }
    : { id: "login-totp-code", name: "totpCode", label: t("totpCode"), hint: t("totpCodeHint"), value: totpCode, onChange: setTotpCode, inputMode: "numeric", autoComplete: "one-time-code", pattern: "[0-9 ]*", maxLength: 7, className: "max-w-40 tracking-widest" };

  return (
    <form onSubmit={submit} noValidate className="max-w-md">
      {error && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="login-error-title" className="mb-4 border-4 border-red-700 bg-white p-4 focus:outline-none">
          <h2 id="login-error-title" className="text-lg font-semibold">{t("errorTitle")}</h2>
          <p className="mt-1 text-red-800">{t(`errors.${error}`)}</p>
        </div>
      )}

      <LoginField id="login-username" name="username" label={t("username")} value={username} onChange={setUsername} readOnly={needsCode} autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={100} />
      <LoginField id="login-password" name="password" type="password" label={t("password")} value={password} onChange={setPassword} readOnly={needsCode} autoComplete="current-password" maxLength={1024} />

      {needsCode && (
        <fieldset className="mb-4 border-l-4 border-brand-700 pl-3">
          <legend className="font-semibold">{t("codeStepTitle")}</legend>
          <div className="mt-2">
            <LoginField key={codeField.id} {...codeField} inputRef={codeInput} />
          </div>
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

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** One required field of the sign-in form; a read-only one (kept for the code step) is greyed. */
function LoginField({ id, label, hint, onChange, inputRef, className, type = "text", ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <input
        {...input}
        ref={inputRef}
        id={id}
        type={type}
        required
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
        className={[inputClass, "read-only:bg-stone-100", className].filter(Boolean).join(" ")}
      />
    </FieldFrame>
  );
}

const isKnown = (raw: string): raw is (typeof KNOWN_ERRORS)[number] => (KNOWN_ERRORS as readonly string[]).includes(raw);
