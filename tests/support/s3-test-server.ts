// A real S3-compatible HTTP server for tests: s3rver (filesystem-backed) on an ephemeral port,
// with one bucket in a temporary folder. s3rver 3.7 checks that the access key id exists but
// does not verify SigV4 signatures ("Signature version 4 calculation is unimplemented"), and it
// serves anonymous requests; a real private bucket does neither. So every request passes a
// SigV4 check here first, computed independently from the AWS specification, and unsigned
// requests are refused as a private bucket refuses them. Payload hashes are not compared with
// the body (the body goes straight to s3rver).
import { createHash, createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** s3rver's one built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders };

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  /** Every request received, in order (including refused ones). */
  requests: SeenRequest[];
  stop(): Promise<void>;
};

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** Why the request's SigV4 signature is wrong for the secret, or null when it is right. */
function signatureProblem(req: IncomingMessage, secretFor: (accessKeyId: string) => string | undefined): string | null {
  const match = AUTHORIZATION.exec(req.headers.authorization ?? "");
  if (!match) return "malformed Authorization header";
  const [, accessKeyId = "", date = "", region = "", signedHeaders = "", signature = ""] = match;
  const secret = secretFor(accessKeyId);
  // An unknown key id is s3rver's to refuse (InvalidAccessKeyId).
  if (secret === undefined) return null;
  const url = new URL(req.url ?? "/", "http://placeholder");
  const query = [...url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headers = signedHeaders
    .split(";")
    .map((name) => `${name}:${String(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  // S3 signs the path exactly as sent (no second encoding) and the declared payload hash.
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, String(req.headers["x-amz-content-sha256"] ?? "")].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", String(req.headers["x-amz-date"] ?? ""), scope, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), "s3"), "aws4_request");
  return hmac(key, toSign).toString("hex") === signature ? null : "SignatureDoesNotMatch";
}

function refuse(req: IncomingMessage, res: ServerResponse, code: string, message: string) {
  req.resume();
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(403, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body), Connection: "close" }).end(body);
}

export async function startS3TestServer(bucket = "evidence"): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "s3rver-"));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket }] });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const requests: SeenRequest[] = [];
  const secrets = new Map<string, string>([[S3RVER_CREDENTIALS.accessKeyId, S3RVER_CREDENTIALS.secretAccessKey]]);

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: { ...req.headers } });
    if (!req.headers.authorization) return refuse(req, res, "AccessDenied", "Access Denied");
    const problem = signatureProblem(req, (id) => secrets.get(id));
    if (problem) return refuse(req, res, "SignatureDoesNotMatch", problem);
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    requests,
    async stop() {
      // The SDK keeps connections alive; close() alone would wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      s3rver.logger.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
