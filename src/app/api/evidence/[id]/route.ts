import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { evidenceDownload } from "@/server/evidence/download";

export const dynamic = "force-dynamic";

/** GET /api/evidence/123 → the file as a download, for those who may read it (see evidenceDownload). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const [{ id }, actor, context] = await Promise.all([params, getCurrentActor(), getRequestContext()]);
  return evidenceDownload(actor, context, id);
}
