// `npm run demo:totp -- bureau.staff`: the current two-factor code of a demo account, from the
// published secret in prisma/seed-data/demo-accounts.json. It reads nothing else, so it cannot
// produce a code for any real account.
import { demoAccounts } from "../../prisma/seed/accounts";
import { secondsLeftInStep, totpCode } from "../server/auth/totp";

async function main() {
  const username = process.argv[2];
  const withTotp = demoAccounts().filter((a) => a.totpSecret);
  const account = withTotp.find((a) => a.username === username);
  if (!account?.totpSecret) {
    console.error(username ? `"${username}" is not a demo account with two-factor authentication.` : "Which demo account?");
    console.error(`Usage: npm run demo:totp -- <username>   (one of: ${withTotp.map((a) => a.username).join(", ")})`);
    process.exit(2);
  }
  const code = await totpCode(account.totpSecret);
  console.log(`${account.username}: ${code}  (valid for ${secondsLeftInStep()} more seconds, and the 30 after; each code signs in once)`);
}

await main();
