import { z } from "zod";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { townshipTypeOf } from "../../src/server/organisation/township-type";
import { parseCsv } from "./csv";
import { readSeedJson, readSeedText } from "./files";

export { townshipTypeOf };

const unitsFile = z.object({
  city: z.object({ code: z.string(), statCode: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.literal("CITY") }),
  countyLevel: z.array(
    z.object({ statCode: z.string(), nameEn: z.string(), kind: z.enum(["DISTRICT", "COUNTY", "AUTONOMOUS_COUNTY", "COUNTY_LEVEL_CITY"]) }),
  ),
  developmentZones: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
});


/**
 * Upserts by code, so running the seed again changes nothing; names the bureau has edited
 * since (through the admin pages) are left alone: only missing units are created.
 */
export async function seedUnits(prisma: PrismaClient) {
  const file = unitsFile.parse(readSeedJson("units.json"));
  const areas = parseCsv(readSeedText("anshan-areas.csv"));
  const streets = parseCsv(readSeedText("anshan-streets.csv"));

  const city = await prisma.unit.upsert({
    where: { code: file.city.code },
    update: {},
    create: { code: file.city.code, statCode: file.city.statCode, nameZh: file.city.nameZh, nameEn: file.city.nameEn, kind: "CITY" },
  });

  const countyIds = new Map<string, number>();
  for (const [index, county] of file.countyLevel.entries()) {
    const area = areas.find((row) => row.code === county.statCode);
    if (!area?.name) throw new Error(`anshan-areas.csv has no unit ${county.statCode}`);
    const unit = await prisma.unit.upsert({
      where: { code: county.statCode },
      update: {},
      create: {
        code: county.statCode,
        statCode: county.statCode,
        nameZh: area.name,
        nameEn: county.nameEn,
        kind: county.kind,
        isReporting: true,
        parentId: city.id,
        sortOrder: index + 1,
      },
    });
    countyIds.set(county.statCode, unit.id);
  }

  for (const [index, zone] of file.developmentZones.entries()) {
    await prisma.unit.upsert({
      where: { code: zone.code },
      update: {},
      create: {
        code: zone.code,
        nameZh: zone.nameZh,
        nameEn: zone.nameEn,
        kind: "DEVELOPMENT_ZONE",
        isReporting: true,
        parentId: city.id,
        sortOrder: 100 + index,
      },
    });
  }

  const existing = new Set((await prisma.unit.findMany({ where: { kind: "TOWNSHIP" }, select: { code: true } })).map((u) => u.code));
  const townships = streets
    .filter((row) => row.code && !existing.has(row.code))
    .map((row, index) => {
      const parentId = countyIds.get(row.areaCode ?? "");
      if (!parentId) throw new Error(`township ${row.code} belongs to unknown unit ${row.areaCode}`);
      const name = row.name ?? "";
      return { code: row.code!, statCode: row.code!, nameZh: name, kind: "TOWNSHIP" as const, townshipType: townshipTypeOf(name), parentId, sortOrder: index };
    });
  if (townships.length) await prisma.unit.createMany({ data: townships, skipDuplicates: true });
  return { countyLevel: countyIds.size, developmentZones: file.developmentZones.length, townships: streets.length };
}
