// The role × read matrix, the reading half of the authorization matrix. Every read in
// src/server that takes the acting user (found on the sources, so a new one cannot be
// forgotten) is called as every role, on a record of the actor's own scope, on another's and
// on one that does not exist. The answer is what the read pipeline (src/server/read/
// page-access.ts, loadOrForbidden) makes of it:
//   data                     → 200
//   AppError FORBIDDEN       → 403, the forbidden view
//   AppError NOT_FOUND, null → 404, the not-found view ("not yours" looks like "not there")
//   anything else            → 500, and a failure here
// Expected answers derive from the permission each read checks (src/server/auth/permissions.ts).
// Refusals must leave a DENIED audit row; data must hold what was asked for and nothing of a
// record outside a scoped role's unit, department or account.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { scopeFor } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import { ROLES } from "@/shared/roles";
import { actorFor, auditRowsSince, DEMO_USER_BY_ROLE, lastAuditId, testContext } from "../support/actors";
import { READ_FIXTURES, type ReadFixture, type ReadVariant } from "./read-fixtures";

// Every module of src/server, by path (the read pipeline itself renders pages: it needs Next,
// and holds no read of its own).
const modules = import.meta.glob<Record<string, unknown>>(["/src/server/**/*.ts", "!/src/server/read/**"], { eager: true });

// Functions that take the actor first but are not reads a page or component renders.
const NOT_READS: Record<string, string> = {
  authorize: "the check itself",
  decide: "the check itself, without its audit row",
  confirmCurrentPassword: "a step inside the account actions (their matrix covers it)",
  evidenceDownload: "the download route's response (403/404 as status codes): evidence-files.test.ts",
  evidenceEditable: "a yes/no for the upload form; the upload action decides again",
  managedCycleId: "the cycle:manage check getCycle and getCycleScope share (their fixtures cover it)",
};

type Read = { name: string; file: string; takesContext: boolean; acceptsSignedOut: boolean; read: (...args: unknown[]) => Promise<unknown> };

/** Every exported async function of src/server whose first parameter is the actor. */
function scanReads(): Read[] {
  const root = path.resolve(import.meta.dirname, "../..");
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : name.endsWith(".ts") ? [full] : [];
    });
  return walk(path.join(root, "src/server"))
    .map((file) => "/" + path.relative(root, file).split(path.sep).join("/"))
    .filter((file) => !file.startsWith("/src/server/read/"))
    .flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/export async function (\w+)\(\s*actor: (Actor(?: \| null)?)\s*(,\s*context\b)?/g)].map((m) => ({
        name: m[1]!,
        file,
        acceptsSignedOut: m[2] === "Actor | null",
        takesContext: m[3] !== undefined,
        read: modules[file]?.[m[1]!] as Read["read"],
      })),
    );
}

type Status = 200 | 401 | 403 | 404 | 500;
type Answer = { status: Status; data?: unknown; error?: string };

async function answerOf(call: Promise<unknown>): Promise<Answer> {
  try {
    const data = await call;
    return data === null ? { status: 404 } : { status: 200, data };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { status: 403 };
    if (error instanceof AppError && error.code === "NOT_FOUND") return { status: 404 };
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") return { status: 401 };
    return { status: 500, error: String(error) };
  }
}

/** What the pipeline must answer; a set where either answer is right (see the one case below). */
function expected(role: Role, fixture: ReadFixture, variant: ReadVariant): Status[] {
  const scope = scopeFor(role, fixture.permission);
  if (!scope) {
    const refused = fixture.refusedAs ?? 403;
    // A role without the permission asking for a record that does not exist learns nothing
    // either way: a read that looks the record up before it authorizes says 404.
    return variant === "missing" ? [refused, 404] : [refused];
  }
  if (variant === "missing") return [404];
  return scope === "any" || variant === "own" ? [200] : [404];
}

const asText = (data: unknown) => JSON.stringify(data, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
const fixturesOf = (name: string): ReadFixture[] => {
  const entry = READ_FIXTURES[name];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};
const call = (read: Read, actor: Actor | null, args: unknown[]) => (read.takesContext ? read.read(actor, testContext(), ...args) : read.read(actor, ...args));

describe("read matrix", () => {
  const reads = scanReads().sort((a, b) => a.name.localeCompare(b.name));

  it("has a fixture for every read that takes the actor, and every fixture a read", () => {
    const names = new Set(reads.map((r) => r.name));
    expect(reads.filter((r) => /^(get|list)[A-Z]/.test(r.name) && !READ_FIXTURES[r.name]).map((r) => `${r.file}: ${r.name}`), "reads without a fixture (add one in read-fixtures.ts)").toEqual([]);
    // a read named otherwise is still a read: it joins the matrix or says here why not
    expect(reads.filter((r) => !READ_FIXTURES[r.name] && !NOT_READS[r.name] && !/^(get|list)[A-Z]/.test(r.name)).map((r) => `${r.file}: ${r.name}`), "functions taking the actor: add a fixture, or a reason in NOT_READS").toEqual([]);
    expect(Object.keys(READ_FIXTURES).filter((name) => !names.has(name)), "fixtures for reads that do not exist (or no longer take the actor first)").toEqual([]);
    expect(reads.filter((r) => READ_FIXTURES[r.name] && typeof r.read !== "function").map((r) => r.name), "reads the module glob did not load").toEqual([]);
    expect(reads.filter((r) => READ_FIXTURES[r.name]).length).toBeGreaterThan(20);
  });

  it("answers every role on every read as the permission table says, own and other records", { timeout: 600_000 }, async () => {
    const actors = new Map<Role, Actor>();
    for (const role of ROLES) actors.set(role, await actorFor(DEMO_USER_BY_ROLE[role]));

    let calls = 0;
    const failures: string[] = [];
    for (const read of reads.filter((r) => READ_FIXTURES[r.name])) {
      for (const fixture of fixturesOf(read.name)) {
        for (const role of ROLES) {
          const actor = actors.get(role)!;
          const scoped = scopeFor(role, fixture.permission) !== "any";
          for (const variant of fixture.variants) {
            const label = `${read.name}${fixture.label ? ` (${fixture.label})` : ""} as ${role} on ${variant} record`;
            const { args, mine = [], foreign = [] } = await fixture.call(actor, variant);
            const since = await lastAuditId();
            const answer = await answerOf(call(read, actor, args));
            calls++;
            const want = expected(role, fixture, variant);
            if (!want.includes(answer.status)) {
              failures.push(`${label}: expected ${want.join(" or ")}, got ${answer.status}${answer.error ? ` (${answer.error})` : ""}`);
              continue;
            }
            // a refusal by authorize (403, or 404 for a record outside the scope) is audited
            const refusedByAuthorize = fixture.refusedAs === undefined && (answer.status === 403 || (answer.status === 404 && variant === "other"));
            if (refusedByAuthorize && !(await auditRowsSince(since)).some((r) => r.outcome === "DENIED" && r.action === `authz.denied:${fixture.permission}`)) {
              failures.push(`${label}: refused without a DENIED audit row`);
            }
            if (answer.status !== 200) continue;
            const text = asText(answer.data);
            for (const marker of mine) if (!text.includes(marker)) failures.push(`${label}: the answer lacks ${marker}`);
            if (scoped) for (const marker of foreign) if (text.includes(marker)) failures.push(`${label}: the answer leaks ${marker}, outside the actor's scope`);
          }
        }
      }
    }
    console.log(`[read matrix] ${calls} role × read × record calls checked across ${Object.keys(READ_FIXTURES).length} reads and ${ROLES.length} roles`);
    expect(failures).toEqual([]);
  });

  it("gives a signed-out caller nothing", { timeout: 120_000 }, async () => {
    const anyone = await actorFor("bureau.staff");
    const failures: string[] = [];
    for (const read of reads.filter((r) => READ_FIXTURES[r.name] && r.acceptsSignedOut)) {
      for (const fixture of fixturesOf(read.name)) {
        const { args } = await fixture.call(anyone, fixture.variants[0]!);
        const answer = await answerOf(call(read, null, args));
        // 401 where the read authorizes; 404 where a component's read only asks can()
        const want: Status[] = fixture.refusedAs ? [fixture.refusedAs] : [401];
        if (!want.includes(answer.status)) failures.push(`${read.name}: expected ${want.join(" or ")}, got ${answer.status}${answer.error ? ` (${answer.error})` : ""}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
