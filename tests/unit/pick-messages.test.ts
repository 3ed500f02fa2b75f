import { describe, expect, it } from "vitest";
import { pickMessages } from "@/components/ui/pick-messages";

const messages = {
  errors: { summaryTitle: "There is a problem" },
  adminOrg: {
    codeTaken: "That code is taken.",
    fields: { code: "Code", name: "Name" },
    status: { active: "Active", inactive: "Inactive" },
    history: { title: "History" },
  },
  reminders: { urge: { title: "Urge" } },
};

describe("pickMessages", () => {
  it("hands over a whole namespace, a subtree or one message, each at its own place", () => {
    expect(pickMessages(messages, ["reminders"])).toEqual({ reminders: { urge: { title: "Urge" } } });
    expect(pickMessages(messages, ["adminOrg.fields", "adminOrg.status.active"])).toEqual({
      adminOrg: { fields: { code: "Code", name: "Name" }, status: { active: "Active" } },
    });
  });

  it("'.*' picks the messages directly under a path and none of its subtrees", () => {
    expect(pickMessages(messages, ["adminOrg.*"])).toEqual({ adminOrg: { codeTaken: "That code is taken." } });
  });

  it("merges paths that share a namespace, in any order", () => {
    const expected = { adminOrg: { codeTaken: "That code is taken.", fields: { code: "Code", name: "Name" } } };
    expect(pickMessages(messages, ["adminOrg.*", "adminOrg.fields"])).toEqual(expected);
    expect(pickMessages(messages, ["adminOrg.fields", "adminOrg.*"])).toEqual(expected);
  });

  it("skips paths that name nothing", () => {
    expect(pickMessages(messages, ["nowhere", "adminOrg.nowhere", "adminOrg.codeTaken.*"])).toEqual({});
  });
});
