// The allowed range of every numeric security-policy setting, inside what 等保 level 3 and
// ASVS L2 accept, so that the policy page cannot be used to switch a control off. The checks
// and the form's hints both read this table.
export const POLICY_RANGES = {
  idleTimeoutMinutes: [5, 120],
  adminIdleTimeoutMinutes: [5, 60],
  absoluteLifetimeHours: [1, 24],
  passwordMinLength: [12, 64],
  adminPasswordMaxAgeDays: [30, 365],
  passwordHistoryCount: [1, 24],
  lockoutThreshold: [3, 10],
  lockoutMinutes: [5, 1440],
  ipAttemptsPerWindow: [5, 1000],
  ipWindowMinutes: [1, 1440],
} as const;

export type PolicyNumberField = keyof typeof POLICY_RANGES;
