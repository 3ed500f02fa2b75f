import { useEffect, useState, useSyncExternalStore } from "react";
import type { ItemState, ValueState } from "./form-types";

// The report form's safety net: while there are unsaved changes, a copy of what was typed goes to
// localStorage, in case the tab is closed, the page reloaded or the session lost. On the next
// visit it is offered back (restore or discard); a successful save clears it.

const STORE_PREFIX = "report-draft:";
const CHANGED = "report-draft-storage";
const storeKey = (reportId: number, version: number) => `${STORE_PREFIX}${reportId}:${version}`;

export type StoredDraft = { savedAt: string; version: number; items: Record<number, ItemState>; values: Record<string, ValueState> };

/** The newest unsaved copy of this report in this browser, as its raw JSON (a stable snapshot). */
function readStored(reportId: number): string | null {
  try {
    let best: { version: number; raw: string } | null = null;
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(`${STORE_PREFIX}${reportId}:`)) continue;
      const version = Number(key.slice(`${STORE_PREFIX}${reportId}:`.length));
      const raw = window.localStorage.getItem(key);
      if (raw && (!best || version > best.version)) best = { version, raw };
    }
    return best ? best.raw : null;
  } catch {
    return null; // storage disabled (private mode, policy): the safety net is simply absent
  }
}

function clearStored(reportId: number) {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(`${STORE_PREFIX}${reportId}:`)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
    window.dispatchEvent(new Event(CHANGED));
  } catch {
    // nothing stored
  }
}

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/**
 * Keeps the form's unsaved state in this browser. `offer` is an earlier unsaved copy to restore,
 * shown only while nothing new has been typed; `discard` drops it, `clear` forgets every copy
 * (after a save).
 */
export function useReportDraft({ reportId, version, dirty, items, values }: { reportId: number; version: number; dirty: boolean; items: Record<number, ItemState>; values: Record<string, ValueState> }) {
  const [dismissed, setDismissed] = useState(false);
  const stored = useSyncExternalStore(subscribeStorage, () => readStored(reportId), () => null);

  const offer = (() => {
    if (!stored || dirty || dismissed) return null;
    try {
      return JSON.parse(stored) as StoredDraft;
    } catch {
      return null;
    }
  })();

  useEffect(() => {
    if (!dirty) return;
    try {
      const draft: StoredDraft = { savedAt: new Date().toISOString(), version, items, values };
      window.localStorage.setItem(storeKey(reportId, version), JSON.stringify(draft));
    } catch {
      // quota or disabled storage: the form state itself still holds the input
    }
  }, [dirty, items, values, version, reportId]);

  return {
    offer,
    discard: () => {
      clearStored(reportId);
      setDismissed(true);
    },
    clear: () => clearStored(reportId),
  };
}
