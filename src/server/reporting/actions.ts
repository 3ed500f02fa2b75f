import "server-only";

// Every reporting action spec in one place, for the "use server" files and the tests. The specs
// live beside the code they share; importing them here registers each one exactly once.
export { createCycleSpec, updateCycleSpec } from "./cycle-definition";
export { addReportersSpec, extendDueDateSpec, openCycleSpec } from "./cycles";
export { saveDraftSpec } from "./drafts";
export { publishReportSpec, reopenReportSpec, reviewReportSpec } from "./review";
export { submitReportSpec, type SubmitResult } from "./submission";
