"use server";

import { serverAction } from "@/server/actions/server-action";
import { reviseMeasure } from "@/server/organisation/measures";

export const reviseMeasureAction = serverAction(reviseMeasure);
