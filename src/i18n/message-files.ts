import type { MessageKeys, NestedKeyOf } from "next-intl";
import type adminOrg from "./messages/zh-CN/admin-org.json";
import type adminUsers from "./messages/zh-CN/admin-users.json";
import type audit from "./messages/zh-CN/audit.json";
import type auth from "./messages/zh-CN/auth.json";
import type common from "./messages/zh-CN/common.json";
import type evidence from "./messages/zh-CN/evidence.json";
import type policy from "./messages/zh-CN/policy.json";
import type reminders from "./messages/zh-CN/reminders.json";
import type reportingExcel from "./messages/zh-CN/reporting-excel.json";
import type reporting from "./messages/zh-CN/reporting.json";
import type workspace from "./messages/zh-CN/workspace.json";

// Messages are split by area so that work on one area does not touch another's file. Every
// locale has the same files (checked by tests/unit/i18n-messages.test.ts).
export const MESSAGE_FILES = ["common", "policy", "auth", "admin-users", "admin-org", "audit", "workspace", "reporting", "evidence", "reminders", "reporting-excel"] as const;

/** The shape of each file, from the zh-CN one (the en files have the same keys, tested). */
type MessageFileShapes = {
  common: typeof common;
  policy: typeof policy;
  auth: typeof auth;
  "admin-users": typeof adminUsers;
  "admin-org": typeof adminOrg;
  audit: typeof audit;
  workspace: typeof workspace;
  reporting: typeof reporting;
  evidence: typeof evidence;
  reminders: typeof reminders;
  "reporting-excel": typeof reportingExcel;
};

type UnionToIntersection<U> = (U extends unknown ? (shape: U) => void : never) extends (shape: infer I) => void ? I : never;

/** All messages of one locale, as request.ts assembles them: the files' namespaces side by side. */
export type Messages = UnionToIntersection<MessageFileShapes[(typeof MESSAGE_FILES)[number]]>;

// A file listed above but not given a shape (or the other way round) fails the type check here.
type Unlisted = Exclude<keyof MessageFileShapes, (typeof MESSAGE_FILES)[number]>;
export const everyMessageFileHasAShape: [Unlisted] extends [never] ? true : never = true;

/** Every message key, in full ("reporting.form.comment"): the type of a key that travels as data. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
