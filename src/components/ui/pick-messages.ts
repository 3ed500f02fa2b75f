// Pure: which messages a client component is handed (see ClientMessages).

export type MessageTree = { [key: string]: string | MessageTree };

const OWN_MESSAGES = ".*";

function lookup(tree: MessageTree, keys: string[]): string | MessageTree | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const key of keys) node = typeof node === "object" ? node[key] : undefined;
  return node;
}

function place(into: MessageTree, keys: string[], value: string | MessageTree) {
  let target = into;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as MessageTree;
  const last = keys.at(-1)!;
  const existing = target[last];
  // "adminOrg.*" and "adminOrg.fields" both land in adminOrg: merge, never overwrite
  target[last] = typeof existing === "object" && typeof value === "object" ? { ...existing, ...value } : value;
}

/**
 * The messages at `paths`, each kept at its own place: a namespace ("reminders"), a subtree or a
 * single message ("reporting.form", "adminOrg.status.active"), or "<path>.*" for the messages
 * directly under a path without its subtrees (where each area keeps its error messages, which
 * an action's result may name).
 */
export function pickMessages(messages: MessageTree, paths: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const path of paths) {
    const own = path.endsWith(OWN_MESSAGES);
    const keys = (own ? path.slice(0, -OWN_MESSAGES.length) : path).split(".");
    const found = lookup(messages, keys);
    if (found === undefined) continue;
    if (!own) place(picked, keys, found);
    else if (typeof found === "object") place(picked, keys, Object.fromEntries(Object.entries(found).filter(([, value]) => typeof value === "string")));
  }
  return picked;
}
