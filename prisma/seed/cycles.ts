import { z } from "zod";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { readSeedJson } from "./files";

const isoDate = z.iso.date();
const cyclesFile = z.object({
  cycles: z.array(
    z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), periodStart: isoDate, periodEnd: isoDate, opensOn: isoDate, dueOn: isoDate }),
  ),
});

export const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Creates the 2017–2020 cycles as PLANNED (no reports yet): opening one is the bureau's act. */
export async function seedCycles(prisma: PrismaClient) {
  const { cycles } = cyclesFile.parse(readSeedJson("cycles.json"));
  for (const cycle of cycles) {
    await prisma.reportingCycle.upsert({
      where: { code: cycle.code },
      update: {},
      create: {
        code: cycle.code,
        nameZh: cycle.nameZh,
        nameEn: cycle.nameEn,
        periodStart: asDate(cycle.periodStart),
        periodEnd: asDate(cycle.periodEnd),
        opensOn: asDate(cycle.opensOn),
        dueOn: asDate(cycle.dueOn),
      },
    });
  }
  return cycles.length;
}
