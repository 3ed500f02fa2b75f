import "server-only";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { executeAction, type ActionResult, type ActionSpec } from "./define-action";

/**
 * The only way to expose an action to the browser. Every export of a "use server" file must be
 * `serverAction(spec)` (tests/unit/server-actions-wrapped.test.ts checks), so no action can skip
 * the session, validation, authorization and audit steps of executeAction.
 */
export function serverAction<T>(spec: ActionSpec<never, T> | ActionSpec) {
  return async function action(_previous: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> {
    const [actor, context] = await Promise.all([getCurrentActor(), getRequestContext()]);
    return executeAction(spec as ActionSpec, actor, context, form) as Promise<ActionResult<T>>;
  };
}
