-- CreateTable
CREATE TABLE "SecurityPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "totpRequiredRoles" "Role"[] DEFAULT ARRAY['BUREAU_STAFF', 'BUREAU_LEADER', 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']::"Role"[],
    "idleTimeoutMinutes" INTEGER NOT NULL DEFAULT 30,
    "adminIdleTimeoutMinutes" INTEGER NOT NULL DEFAULT 15,
    "absoluteLifetimeHours" INTEGER NOT NULL DEFAULT 12,
    "passwordMinLength" INTEGER NOT NULL DEFAULT 12,
    "adminPasswordMaxAgeDays" INTEGER NOT NULL DEFAULT 90,
    "passwordHistoryCount" INTEGER NOT NULL DEFAULT 5,
    "lockoutThreshold" INTEGER NOT NULL DEFAULT 5,
    "lockoutMinutes" INTEGER NOT NULL DEFAULT 15,
    "ipAttemptsPerWindow" INTEGER NOT NULL DEFAULT 20,
    "ipWindowMinutes" INTEGER NOT NULL DEFAULT 15,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecurityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "ip" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityRevision" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "reason" TEXT,
    "actorId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInAttempt_ip_at_idx" ON "SignInAttempt"("ip", "at");

-- CreateIndex
CREATE INDEX "EntityRevision_entityType_entityId_at_idx" ON "EntityRevision"("entityType", "entityId", "at");

-- ─── Hand-written ───
-- The policy is a single row, present from the start so that reads never need a fallback.
ALTER TABLE "SecurityPolicy" ADD CONSTRAINT "SecurityPolicy_single_row" CHECK ("id" = 1);
INSERT INTO "SecurityPolicy" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP);
