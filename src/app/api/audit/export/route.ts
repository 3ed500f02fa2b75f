import { executeAction } from "@/server/actions/define-action";
import { exportAuditLogSpec } from "@/server/audit/export-csv";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { HTTP_STATUS } from "@/server/errors";

export const dynamic = "force-dynamic";

// The log must not linger in a shared cache or be sniffed into something a browser renders.
const COMMON_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** GET /api/audit/export?actor=…&action=…&outcome=…&unit=…&from=…&to=… → CSV (the page's filters). */
export async function GET(request: Request): Promise<Response> {
  const [actor, context] = await Promise.all([getCurrentActor(), getRequestContext()]);
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  const result = await executeAction(exportAuditLogSpec, actor, context, filters);
  if (!result.ok) {
    return Response.json({ code: result.code }, { status: HTTP_STATUS[result.code], headers: COMMON_HEADERS });
  }
  return new Response(result.data.csv, {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.data.filename}"`,
      "X-Export-Row-Count": String(result.data.rowCount),
      "X-Export-Truncated": String(result.data.truncated),
    },
  });
}
