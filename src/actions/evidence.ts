"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { deleteEvidenceSpec, setEvidenceVisibilitySpec, uploadEvidenceSpec } from "@/server/evidence/actions";

export const uploadEvidence = serverAction(uploadEvidenceSpec);
export const deleteEvidence = serverAction(deleteEvidenceSpec);
export const setEvidenceVisibility = serverAction(setEvidenceVisibilitySpec);
