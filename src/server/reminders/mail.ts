import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { logger } from "@/server/logger";
import type { MailSettings } from "./settings";

// E-mail copies of notifications. Each goes to the account's own address (User.email); an
// account without one gets an address made from MAIL_ADDRESS_TEMPLATE when that is set, and
// otherwise no e-mail at all: the in-app notification still reaches it. Who mail cannot reach
// is named in the sweep's and the urging's audit rows (noEmailAddress), in the log, and to the
// bureau on the urge form.
// With SMTP_URL the messages are sent; without it each is written as an .eml file to
// MAIL_LOG_DIR, addressed exactly as it would have been sent. A failed send is logged and never
// undoes the in-app notification, which is the record.

export type MailRecipient = { username: string; displayName: string; email: string | null };

export type OutgoingMail = {
  /** unique per message (the notification's dedupe key): names the log file */
  key: string;
  to: MailRecipient;
  subject: string;
  text: string;
};

export type RecipientAddress = { address: string; source: "account" | "template" };

/** Where a user's e-mail goes, or null when they have no address and none can be made. */
export function recipientAddress(user: Pick<MailRecipient, "username" | "email">, settings: Pick<MailSettings, "addressTemplate">): RecipientAddress | null {
  if (user.email) return { address: user.email, source: "account" };
  if (settings.addressTemplate) return { address: settings.addressTemplate.replaceAll("{username}", user.username), source: "template" };
  return null;
}

/** The usernames, once each and sorted, of those among `users` that e-mail cannot reach. */
export function withoutAddress(users: Pick<MailRecipient, "username" | "email">[], settings: Pick<MailSettings, "addressTemplate">): string[] {
  return [...new Set(users.filter((u) => !recipientAddress(u, settings)).map((u) => u.username))].sort();
}

const safeName = (key: string) => key.replace(/[^A-Za-z0-9._-]+/g, "_");

/** Sends (or logs) each message that has an address; returns how many were handed over. Never throws. */
export async function deliverMails(mails: OutgoingMail[], settings: MailSettings): Promise<number> {
  const addressed = mails.flatMap((mail) => {
    const to = recipientAddress(mail.to, settings);
    return to ? [{ mail, address: to.address }] : [];
  });
  const skipped = withoutAddress(mails.map((m) => m.to), settings);
  if (skipped.length > 0) {
    logger.warn({ usernames: skipped }, "no e-mail address: these accounts get reminders in the portal only");
  }
  if (addressed.length === 0) return 0;
  const viaSmtp = Boolean(settings.smtpUrl);
  const transport = viaSmtp ? nodemailer.createTransport(settings.smtpUrl!) : nodemailer.createTransport({ streamTransport: true, buffer: true });
  if (!viaSmtp) await mkdir(settings.logDir, { recursive: true });
  let handed = 0;
  for (const { mail, address } of addressed) {
    try {
      const info = await transport.sendMail({
        from: settings.from,
        to: { name: mail.to.displayName, address },
        subject: mail.subject,
        text: mail.text,
        textEncoding: "base64",
        headers: { "X-Portal-Username": mail.to.username, "X-Portal-Notification": mail.key },
      });
      if (!viaSmtp) {
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        await writeFile(path.join(settings.logDir, `${stamp}-${safeName(mail.key)}.eml`), (info as unknown as { message: Buffer }).message);
      }
      handed++;
    } catch (error) {
      logger.error({ key: mail.key, username: mail.to.username, err: error }, "reminder e-mail failed");
    }
  }
  transport.close();
  return handed;
}
