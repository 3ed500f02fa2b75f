"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { reviseMeasureSpec } from "@/server/policy/measure-text";

export const reviseMeasure = serverAction(reviseMeasureSpec);
