// What describes one evidence file wherever it is listed or served: its name, type, size,
// checksum and who may see it.
export const evidenceFileSelect = {
  id: true,
  originalName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  visibility: true,
} as const;
