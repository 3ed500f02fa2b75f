import { executeAction } from "@/server/actions/define-action";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { HTTP_STATUS } from "@/server/errors";
import { exportReportWorkbookSpec } from "@/server/reporting-excel/report-excel";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [actor, context] = await Promise.all([getCurrentActor(), getRequestContext()]);
  const result = await executeAction(exportReportWorkbookSpec, actor, context, { reportId: id });
  if (!result.ok) {
    return Response.json({ code: result.code }, { status: HTTP_STATUS[result.code], headers: { "cache-control": "no-store" } });
  }
  return new Response(Buffer.from(result.data.data, "base64"), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${result.data.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
