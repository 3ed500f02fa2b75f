-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TextStatus" AS ENUM ('FROM_SOURCE', 'NOT_ENTERED', 'ENTERED_BY_STAFF');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('MEASURE', 'SAFEGUARD');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('GOVERNMENT_DEPARTMENT', 'SUPERVISION_BODY', 'MASS_ORGANISATION');

-- CreateEnum
CREATE TYPE "DutyRole" AS ENUM ('LEAD', 'COOPERATING');

-- CreateEnum
CREATE TYPE "DutyAssignee" AS ENUM ('DEPARTMENT', 'ALL_REPORTING_UNITS', 'SELECTED_UNITS');

-- CreateEnum
CREATE TYPE "IndicatorValueType" AS ENUM ('COUNT', 'AMOUNT', 'BOOLEAN', 'RATIO');

-- CreateEnum
CREATE TYPE "IndicatorScope" AS ENUM ('UNIT', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('RATIO_THRESHOLD', 'COMPARISON', 'COVERAGE', 'TREND', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GTE', 'LTE', 'EQ', 'INCREASING');

-- CreateEnum
CREATE TYPE "TargetPeriod" AS ENUM ('EACH_SCHOOL_YEAR', 'BY_DUE_DATE', 'CONTINUOUS');

-- CreateEnum
CREATE TYPE "TargetScope" AS ENUM ('PER_UNIT', 'PER_TOWNSHIP', 'CITY_WIDE');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CITY', 'DISTRICT', 'COUNTY_LEVEL_CITY', 'COUNTY', 'AUTONOMOUS_COUNTY', 'DEVELOPMENT_ZONE', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "TownshipType" AS ENUM ('TOWN', 'TOWNSHIP', 'SUBDISTRICT', 'OTHER');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ProgressStatus" AS ENUM ('NOT_STARTED', 'UNDER_WAY', 'ACHIEVED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ItemReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ReviewAction" AS ENUM ('CREATE', 'SUBMIT', 'RETURN', 'APPROVE', 'REOPEN', 'PUBLISH', 'EXTEND_DUE_DATE');

-- CreateEnum
CREATE TYPE "AttachmentVisibility" AS ENUM ('INTERNAL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "EscalationLevel" AS ENUM ('REMINDER', 'URGE', 'YELLOW_CARD', 'RED_CARD');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('MINOR', 'MAJOR', 'SERIOUS');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('ORDERED', 'RESPONDED', 'VERIFIED', 'CLOSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('DISTRICT_ADMIN', 'DEPARTMENT_OFFICER', 'BUREAU_STAFF', 'BUREAU_LEADER', 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "PolicyDocument" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleNoteZh" TEXT,
    "titleNoteEn" TEXT,
    "issuer" TEXT,
    "issuedOn" DATE,
    "publicationNote" TEXT,
    "sourceText" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "title" TEXT,
    "textStatus" "TextStatus" NOT NULL,
    "parentId" INTEGER,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "sectionId" INTEGER,
    "sectionInferred" BOOLEAN NOT NULL DEFAULT false,
    "kind" "MeasureKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "titleZh" TEXT,
    "titleEn" TEXT,
    "text" TEXT,
    "textStatus" "TextStatus" NOT NULL,
    "sourceStart" INTEGER,
    "sourceEnd" INTEGER,
    "sortOrder" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureRevision" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "titleZh" TEXT,
    "text" TEXT,
    "textStatus" "TextStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "revisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revisedById" INTEGER,

    CONSTRAINT "MeasureRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "aliasesZh" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Duty" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "measureId" INTEGER NOT NULL,
    "assignee" "DutyAssignee" NOT NULL,
    "departmentId" INTEGER,
    "role" "DutyRole" NOT NULL,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "note" TEXT,
    "sourceQuote" TEXT NOT NULL,
    "sourceStart" INTEGER NOT NULL,
    "sourceEnd" INTEGER NOT NULL,

    CONSTRAINT "Duty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyUnit" (
    "dutyId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "DutyUnit_pkey" PRIMARY KEY ("dutyId","unitId")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "measureId" INTEGER NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "valueType" "IndicatorValueType" NOT NULL,
    "unitOfMeasureZh" TEXT,
    "unitOfMeasureEn" TEXT,
    "scope" "IndicatorScope" NOT NULL,
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,
    "numeratorId" INTEGER,
    "denominatorId" INTEGER,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "measureId" INTEGER NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "indicatorId" INTEGER,
    "conditionIndicatorId" INTEGER,
    "comparator" "Comparator",
    "threshold" DECIMAL(12,6),
    "period" "TargetPeriod" NOT NULL,
    "dueDate" DATE,
    "scope" "TargetScope" NOT NULL,
    "evaluationNoteZh" TEXT,
    "evaluationNoteEn" TEXT,
    "sourceQuote" TEXT NOT NULL,
    "sourceStart" INTEGER NOT NULL,
    "sourceEnd" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetUnit" (
    "targetId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "TargetUnit_pkey" PRIMARY KEY ("targetId","unitId")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "statCode" TEXT,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "UnitKind" NOT NULL,
    "townshipType" "TownshipType",
    "isReporting" BOOLEAN NOT NULL DEFAULT false,
    "parentId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "opensOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'PLANNED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleMeasure" (
    "cycleId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,

    CONSTRAINT "CycleMeasure_pkey" PRIMARY KEY ("cycleId","measureId")
);

-- CreateTable
CREATE TABLE "CycleIndicator" (
    "cycleId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,

    CONSTRAINT "CycleIndicator_pkey" PRIMARY KEY ("cycleId","indicatorId")
);

-- CreateTable
CREATE TABLE "DueDateExtension" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "reportId" INTEGER,
    "previousDueOn" DATE NOT NULL,
    "newDueOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" INTEGER NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DueDateExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "departmentId" INTEGER,
    "status" "ReportStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "dueOn" DATE NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportItem" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "progress" "ProgressStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "notApplicableReason" TEXT,
    "narrative" TEXT,
    "reviewStatus" "ItemReviewStatus" NOT NULL DEFAULT 'PENDING',
    "returnReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "reportItemId" INTEGER,
    "indicatorId" INTEGER NOT NULL,
    "subjectUnitId" INTEGER NOT NULL,
    "numericValue" DECIMAL(18,4),
    "booleanValue" BOOLEAN,
    "comment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "action" "ReviewAction" NOT NULL,
    "fromStatus" "ReportStatus",
    "toStatus" "ReportStatus" NOT NULL,
    "reason" TEXT,
    "itemReasons" JSONB,
    "actorId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER,
    "reportItemId" INTEGER,
    "rectificationId" INTEGER,
    "originalName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "visibility" "AttachmentVisibility" NOT NULL DEFAULT 'INTERNAL',
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "level" "EscalationLevel" NOT NULL,
    "message" TEXT NOT NULL,
    "byId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "reportId" INTEGER,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "messageZh" TEXT NOT NULL,
    "messageEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "cycleId" INTEGER,
    "unitId" INTEGER NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PLANNED',
    "startedOn" DATE,
    "endedOn" DATE,
    "summary" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" SERIAL NOT NULL,
    "inspectionId" INTEGER NOT NULL,
    "measureId" INTEGER,
    "description" TEXT NOT NULL,
    "severity" "FindingSeverity" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" SERIAL NOT NULL,
    "findingId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "requirement" TEXT NOT NULL,
    "orderedOn" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'ORDERED',
    "response" TEXT,
    "respondedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "accountability" TEXT,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" SERIAL NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT,
    "inspectionId" INTEGER,
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" INTEGER,
    "departmentId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordHistory" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorName" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "unitId" INTEGER,
    "changes" JSONB,
    "ip" TEXT,
    "requestId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyDocument_code_key" ON "PolicyDocument"("code");

-- CreateIndex
CREATE INDEX "Section_documentId_sortOrder_idx" ON "Section"("documentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Section_documentId_key_key" ON "Section"("documentId", "key");

-- CreateIndex
CREATE INDEX "Measure_documentId_sortOrder_idx" ON "Measure"("documentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_documentId_kind_number_key" ON "Measure"("documentId", "kind", "number");

-- CreateIndex
CREATE INDEX "MeasureRevision_measureId_revisedAt_idx" ON "MeasureRevision"("measureId", "revisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Duty_code_key" ON "Duty"("code");

-- CreateIndex
CREATE INDEX "Duty_measureId_idx" ON "Duty"("measureId");

-- CreateIndex
CREATE INDEX "Duty_departmentId_idx" ON "Duty"("departmentId");

-- CreateIndex
CREATE INDEX "DutyUnit_unitId_idx" ON "DutyUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "Indicator_measureId_idx" ON "Indicator"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_code_key" ON "Target"("code");

-- CreateIndex
CREATE INDEX "Target_measureId_idx" ON "Target"("measureId");

-- CreateIndex
CREATE INDEX "TargetUnit_unitId_idx" ON "TargetUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_statCode_key" ON "Unit"("statCode");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_kind_idx" ON "Unit"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_code_key" ON "ReportingCycle"("code");

-- CreateIndex
CREATE INDEX "ReportingCycle_periodStart_idx" ON "ReportingCycle"("periodStart");

-- CreateIndex
CREATE INDEX "CycleMeasure_measureId_idx" ON "CycleMeasure"("measureId");

-- CreateIndex
CREATE INDEX "DueDateExtension_cycleId_unitId_idx" ON "DueDateExtension"("cycleId", "unitId");

-- CreateIndex
CREATE INDEX "Report_unitId_cycleId_idx" ON "Report"("unitId", "cycleId");

-- CreateIndex
CREATE INDEX "Report_status_submittedAt_idx" ON "Report"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_cycleId_unitId_key" ON "Report"("cycleId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_cycleId_departmentId_key" ON "Report"("cycleId", "departmentId");

-- CreateIndex
CREATE INDEX "ReportItem_measureId_idx" ON "ReportItem"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportItem_reportId_measureId_key" ON "ReportItem"("reportId", "measureId");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_idx" ON "IndicatorValue"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_reportId_indicatorId_subjectUnitId_key" ON "IndicatorValue"("reportId", "indicatorId", "subjectUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_idempotencyKey_key" ON "ReportSubmission"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_reportId_sequence_key" ON "ReportSubmission"("reportId", "sequence");

-- CreateIndex
CREATE INDEX "ReviewEvent_reportId_at_idx" ON "ReviewEvent"("reportId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_reportId_idx" ON "Attachment"("reportId");

-- CreateIndex
CREATE INDEX "Attachment_rectificationId_idx" ON "Attachment"("rectificationId");

-- CreateIndex
CREATE INDEX "Escalation_reportId_at_idx" ON "Escalation"("reportId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Inspection_unitId_startedOn_idx" ON "Inspection"("unitId", "startedOn");

-- CreateIndex
CREATE INDEX "Finding_inspectionId_idx" ON "Finding"("inspectionId");

-- CreateIndex
CREATE INDEX "Rectification_unitId_status_idx" ON "Rectification"("unitId", "status");

-- CreateIndex
CREATE INDEX "Rectification_deadline_idx" ON "Rectification"("deadline");

-- CreateIndex
CREATE INDEX "Announcement_status_publishedAt_idx" ON "Announcement"("status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- CreateIndex
CREATE INDEX "Session_userId_endedAt_idx" ON "Session"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "PasswordHistory_userId_createdAt_idx" ON "PasswordHistory"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_hash_key" ON "AuditLog"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_unitId_at_idx" ON "AuditLog"("unitId", "at");

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureRevision" ADD CONSTRAINT "MeasureRevision_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureRevision" ADD CONSTRAINT "MeasureRevision_revisedById_fkey" FOREIGN KEY ("revisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Duty" ADD CONSTRAINT "Duty_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Duty" ADD CONSTRAINT "Duty_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyUnit" ADD CONSTRAINT "DutyUnit_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "Duty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyUnit" ADD CONSTRAINT "DutyUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_numeratorId_fkey" FOREIGN KEY ("numeratorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_denominatorId_fkey" FOREIGN KEY ("denominatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_conditionIndicatorId_fkey" FOREIGN KEY ("conditionIndicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetUnit" ADD CONSTRAINT "TargetUnit_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetUnit" ADD CONSTRAINT "TargetUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasure" ADD CONSTRAINT "CycleMeasure_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasure" ADD CONSTRAINT "CycleMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleIndicator" ADD CONSTRAINT "CycleIndicator_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleIndicator" ADD CONSTRAINT "CycleIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateExtension" ADD CONSTRAINT "DueDateExtension_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateExtension" ADD CONSTRAINT "DueDateExtension_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateExtension" ADD CONSTRAINT "DueDateExtension_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateExtension" ADD CONSTRAINT "DueDateExtension_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportItem" ADD CONSTRAINT "ReportItem_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportItem" ADD CONSTRAINT "ReportItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_reportItemId_fkey" FOREIGN KEY ("reportItemId") REFERENCES "ReportItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_subjectUnitId_fkey" FOREIGN KEY ("subjectUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_reportItemId_fkey" FOREIGN KEY ("reportItemId") REFERENCES "ReportItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordHistory" ADD CONSTRAINT "PasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Hand-written: rules the schema language cannot express ───

-- A report belongs to exactly one reporting unit or one department.
ALTER TABLE "Report" ADD CONSTRAINT "Report_one_owner"
  CHECK (("unitId" IS NULL) <> ("departmentId" IS NULL));

-- A department duty names its department; a unit duty does not.
ALTER TABLE "Duty" ADD CONSTRAINT "Duty_department_matches_assignee"
  CHECK (("assignee" = 'DEPARTMENT') = ("departmentId" IS NOT NULL));

-- Source spans are real ranges.
ALTER TABLE "Duty" ADD CONSTRAINT "Duty_source_span" CHECK ("sourceStart" >= 0 AND "sourceEnd" > "sourceStart");
ALTER TABLE "Target" ADD CONSTRAINT "Target_source_span" CHECK ("sourceStart" >= 0 AND "sourceEnd" > "sourceStart");

-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, so
-- no application bug or stolen application credential can rewrite history.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditLog_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
