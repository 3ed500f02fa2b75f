"use client";

import { signOut } from "next-auth/react";

/** next-auth's sign-out posts with its CSRF token; the server then ends the session record. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="rounded border border-white/70 px-3 py-1 text-sm hover:bg-white hover:text-brand-800">
      {label}
    </button>
  );
}
