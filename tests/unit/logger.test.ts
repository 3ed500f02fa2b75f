import { describe, expect, it } from "vitest";
import { createLogger, logLevel, type LogLevel } from "@/server/logger";

const capture = (level: LogLevel) => {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { log, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
};

describe("logger", () => {
  it("writes one JSON object per line: level as a word, ISO time, message, fields, request id in a child", () => {
    const { log, parsed, lines } = capture("info");
    log.child({ requestId: "req-1" }).error({ attachmentId: 7, err: new Error("disk gone") }, "evidence file missing or altered");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    const [line] = parsed();
    expect(line).toMatchObject({ level: "error", msg: "evidence file missing or altered", requestId: "req-1", attachmentId: 7 });
    expect(new Date(String(line!.time)).toISOString()).toBe(line!.time);
    expect(line!.err).toMatchObject({ type: "Error", message: "disk gone" });
    expect(String((line!.err as { stack: string }).stack)).toContain("disk gone");
  });

  it("drops lines below its level", () => {
    const { log, lines } = capture("warn");
    log.info("routine");
    log.warn("worth a look");
    expect(lines).toHaveLength(1);
  });

  it("takes its level from LOG_LEVEL, info by default, warn under vitest, and refuses an unknown one", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ VITEST: "true" })).toBe("warn");
    expect(logLevel({ LOG_LEVEL: "DEBUG", VITEST: "true" })).toBe("debug");
    expect(() => logLevel({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of/);
  });
});
