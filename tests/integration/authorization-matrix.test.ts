// The role × action matrix. Built from the permission table and the action registry: every
// action that exists is called directly (through executeAction, the pipeline the browser's
// server actions and the route handlers use) as every role, with records of the actor's own
// scope and of another's. Allowed pairs must succeed and leave an audit row; every other pair
// must be refused with no row changed and a DENIED audit row. An action without a fixture
// below fails the test, so a new action cannot be added without joining the matrix.
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { executeAction, registeredActions, type ActionSpec } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { scopeFor } from "@/server/auth/permissions";
import { ROLES } from "@/shared/roles";
import { db } from "@/server/db/client";
import { actorFor, auditRowsSince, DEMO_USER_BY_ROLE, lastAuditId, testContext } from "../support/actors";
import { FIXTURES, type Variant } from "./matrix-fixtures";

// Load every module under src/server so that every defineAction has registered itself.
// (the read pipeline renders pages, so it needs Next itself: it holds no action)
import.meta.glob(["/src/server/**/*.ts", "!/src/server/read/**"], { eager: true });

// Tables whose content a refused call must leave exactly as it was. The audit log grows by
// design (denials are logged); sessions and sign-in attempts are bookkeeping of the caller.
const EXCLUDED = new Set(["AuditLog", "Session", "SignInAttempt", "_prisma_migrations"]);

async function fingerprint(): Promise<string> {
  const tables = await db().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    if (EXCLUDED.has(table_name)) continue;
    const [row] = await db().$queryRawUnsafe<{ md5: string | null }[]>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${table_name}" t`);
    parts.push(`${table_name}:${row?.md5 ?? "empty"}`);
  }
  return parts.join(",");
}

type Expectation = "ALLOW" | "FORBIDDEN" | "NOT_FOUND";

function expected(role: Role, spec: ActionSpec, variant: Variant): Expectation {
  const scope = scopeFor(role, spec.permission);
  if (!scope) return "FORBIDDEN";
  if (scope === "any" || variant === "own") return "ALLOW";
  return "NOT_FOUND";
}

describe("authorization matrix", () => {
  it("checks every role against every action, own and other records", async () => {
    const actions = registeredActions().sort((a, b) => a.name.localeCompare(b.name));
    const missing = actions.filter((a) => !FIXTURES[a.name]).map((a) => a.name);
    expect(missing, "actions without a matrix fixture (add one in matrix-fixtures.ts)").toEqual([]);
    expect(actions.length).toBeGreaterThan(0);

    const actors = new Map<Role, Actor>();
    for (const role of ROLES) actors.set(role, await actorFor(DEMO_USER_BY_ROLE[role]));

    let pairs = 0;
    const failures: string[] = [];
    for (const spec of actions) {
      const fixture = FIXTURES[spec.name]!;
      for (const role of ROLES) {
        const actor = actors.get(role)!;
        for (const variant of fixture.variants) {
          const input = await fixture.input(actor, variant);
          const expectation = expected(role, spec, variant);
          const before = expectation === "ALLOW" ? "" : await fingerprint();
          const since = await lastAuditId();
          const result = await executeAction(spec, actor, testContext(), input);
          const rows = await auditRowsSince(since);
          pairs++;
          const label = `${spec.name} as ${role} on ${variant} record`;
          if (expectation === "ALLOW") {
            if (!result.ok) failures.push(`${label}: expected success, got ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
            else if (!rows.some((r) => r.outcome === "SUCCESS" && r.action.startsWith(spec.name))) failures.push(`${label}: succeeded without an audit row`);
          } else {
            if (result.ok || result.code !== expectation) failures.push(`${label}: expected ${expectation}, got ${result.ok ? "success" : result.code}`);
            if ((await fingerprint()) !== before) failures.push(`${label}: refused, but a row changed`);
            if (!rows.some((r) => r.outcome === "DENIED")) failures.push(`${label}: refused without a DENIED audit row`);
          }
          await fixture.cleanUp?.(actor);
        }
      }
    }
    console.log(`[authorization matrix] ${pairs} role × action × record pairs checked across ${actions.length} actions and ${ROLES.length} roles`);
    expect(failures).toEqual([]);
  });

  it("refuses every action to a signed-out caller", async () => {
    for (const spec of registeredActions()) {
      const fixture = FIXTURES[spec.name];
      if (!fixture) continue;
      const anyone = await actorFor("sysadmin");
      const input = await fixture.input(anyone, fixture.variants[0]!);
      const before = await fingerprint();
      const result = await executeAction(spec, null, testContext(), input);
      expect(result.ok ? "success" : result.code, spec.name).toBe("UNAUTHENTICATED");
      expect(await fingerprint(), spec.name).toBe(before);
    }
  });
});
