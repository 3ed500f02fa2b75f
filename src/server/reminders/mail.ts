import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MailSettings } from "./settings";

// E-mail copies of notifications. Accounts have no e-mail address (the schema has no column
// for one): with SMTP_URL and MAIL_ADDRESS_TEMPLATE set, the address is derived from the
// username; otherwise every message is written as an .eml file to MAIL_LOG_DIR, addressed to
// the username at the reserved ".invalid" domain so that nobody mistakes it for a real address.
// A failed send is logged and never undoes the in-app notification, which is the record.

export type OutgoingMail = {
  /** unique per message (the notification's dedupe key): names the log file */
  key: string;
  username: string;
  displayName: string;
  subject: string;
  text: string;
};

export function recipientAddress(username: string, settings: MailSettings): { address: string; deliverable: boolean } {
  if (settings.smtpUrl && settings.addressTemplate) return { address: settings.addressTemplate.replaceAll("{username}", username), deliverable: true };
  return { address: `${username}@users.invalid`, deliverable: false };
}

const safeName = (key: string) => key.replace(/[^A-Za-z0-9._-]+/g, "_");

/** Sends (or logs) each message; returns how many were handed over. Never throws. */
export async function deliverMails(mails: OutgoingMail[], settings: MailSettings): Promise<number> {
  if (mails.length === 0) return 0;
  const viaSmtp = Boolean(settings.smtpUrl && settings.addressTemplate);
  if (settings.smtpUrl && !settings.addressTemplate) {
    console.warn(JSON.stringify({ level: "warn", msg: "SMTP_URL is set but MAIL_ADDRESS_TEMPLATE is not: accounts have no e-mail address, so reminders are only logged", dir: settings.logDir }));
  }
  const transport = viaSmtp ? nodemailer.createTransport(settings.smtpUrl!) : nodemailer.createTransport({ streamTransport: true, buffer: true });
  if (!viaSmtp) await mkdir(settings.logDir, { recursive: true });
  let handed = 0;
  for (const mail of mails) {
    const to = { name: mail.displayName, address: recipientAddress(mail.username, settings).address };
    try {
      const info = await transport.sendMail({
        from: settings.from,
        to,
        subject: mail.subject,
        text: mail.text,
        textEncoding: "base64",
        headers: { "X-Portal-Username": mail.username, "X-Portal-Notification": mail.key },
      });
      if (!viaSmtp) {
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        await writeFile(path.join(settings.logDir, `${stamp}-${safeName(mail.key)}.eml`), (info as unknown as { message: Buffer }).message);
      }
      handed++;
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "reminder e-mail failed", key: mail.key, username: mail.username, error: String(error) }));
    }
  }
  transport.close();
  return handed;
}
