import type { EscalationLevel } from "@/generated/prisma/enums";

// Escalation goes one way: reminder → urge → yellow card → red card. Pure, for the action,
// the form and unit tests.

export const ESCALATION_LEVELS = ["REMINDER", "URGE", "YELLOW_CARD", "RED_CARD"] as const satisfies readonly EscalationLevel[];

export const levelRank = (level: EscalationLevel) => ESCALATION_LEVELS.indexOf(level);

/** The highest level issued so far, or null. */
export function highestLevel(levels: EscalationLevel[]): EscalationLevel | null {
  return levels.reduce<EscalationLevel | null>((top, l) => (top === null || levelRank(l) > levelRank(top) ? l : top), null);
}

/** The level a new escalation gets by default: one above the highest so far; a red card repeats. */
export function nextLevel(highest: EscalationLevel | null): EscalationLevel {
  if (highest === null) return "REMINDER";
  return ESCALATION_LEVELS[Math.min(levelRank(highest) + 1, ESCALATION_LEVELS.length - 1)]!;
}

/** The levels one may choose explicitly: the highest so far or above (never lower). */
export function allowedLevels(highest: EscalationLevel | null): EscalationLevel[] {
  return highest === null ? [...ESCALATION_LEVELS] : ESCALATION_LEVELS.filter((l) => levelRank(l) >= levelRank(highest));
}
