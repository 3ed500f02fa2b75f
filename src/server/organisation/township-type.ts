import type { TownshipType } from "@/generated/prisma/enums";

/**
 * A township's type follows from its name (镇 town, 乡 township, 街道 sub-district), the same rule
 * the seed applies to the statistical list; renaming "X镇" to "X街道" (撤镇设街) changes the type.
 */
export function townshipTypeOf(nameZh: string): TownshipType {
  if (nameZh.endsWith("街道")) return "SUBDISTRICT";
  if (nameZh.endsWith("镇")) return "TOWN";
  if (nameZh.endsWith("乡")) return "TOWNSHIP";
  return "OTHER";
}
