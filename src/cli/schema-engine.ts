// Prisma's migration commands download a native schema engine that cannot be fetched on
// machines without internet access. The same engine ships on npm as WebAssembly; this module
// loads it and drives it through the pg driver adapter, so migrations run offline while the
// migrations folder stays standard for `prisma migrate deploy` wherever Prisma can run.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

async function loadWasmModule() {
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  // The package imports its .wasm as an ES module, which Node 20 only allows behind a flag:
  // instantiate it by hand with the JS glue as its import object instead.
  const glue = await import(path.join(packageDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue as typeof import("@prisma/schema-engine-wasm");
}

let modulePromise: ReturnType<typeof loadWasmModule> | undefined;

export type OpenEngine = { engine: SchemaEngine; close: () => Promise<void> };

/** The engine plus a close() that also ends its connection pools (engine.free() does not). */
export async function openSchemaEngine(databaseUrl: string): Promise<OpenEngine> {
  modulePromise ??= loadWasmModule();
  const wasm = await modulePromise;
  const connections: { dispose(): Promise<void> }[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(new PrismaPg({ connectionString: databaseUrl }), connections));
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", message);
  };
  try {
    const engine = await wasm.SchemaEngine.new({ datamodels: undefined }, log, adapter);
    return {
      engine,
      close: async () => {
        engine.free();
        await Promise.all(connections.map((c) => c.dispose()));
      },
    };
  } catch (error) {
    await Promise.all(connections.map((c) => c.dispose()));
    console.error("schema engine failed to start:", error);
    throw error;
  }
}

/**
 * adapter-pg runs a migration script by splitting it on every ";", which breaks any function
 * body (our audit-log trigger is PL/pgSQL). PostgreSQL's simple query protocol runs a whole
 * multi-statement script in one round trip, as the native engine does: send it unsplit.
 */
function wholeScriptFactory(factory: PrismaPg, opened: { dispose(): Promise<void> }[]): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    const driver = adapter.underlyingDriver() as { query(sql: string): Promise<unknown> };
    adapter.executeScript = async (script: string) => {
      await driver.query(script);
    };
    return adapter;
  };
  return factory;
}
