// Who an account is and whether it can sign in now: the columns the user list, the user page
// and every audited user change read, so the three cannot drift apart.
export const accountSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  role: true,
  active: true,
  lockedUntil: true,
  totpEnabledAt: true,
} as const;
