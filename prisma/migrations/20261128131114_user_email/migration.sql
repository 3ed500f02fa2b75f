-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT;

-- ─── Hand-written ───
-- "No address" is NULL, never an empty or blank string: the reminder job falls back to the
-- address template only when the column is NULL. The application validates the full syntax.
ALTER TABLE "User" ADD CONSTRAINT "User_email_shape" CHECK ("email" IS NULL OR (char_length("email") <= 254 AND "email" ~ '^[^@[:space:]]+@[^@[:space:]]+$'));
