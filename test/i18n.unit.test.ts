import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/** Every key of a catalog with its text ("errors.reasons.TOO_LONG" → "…"). */
function flatten(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

let ko: Map<string, string>;
let en: Map<string, string>;

beforeAll(async () => {
  // Loaded at run time rather than imported: react-admin's types want the DOM library, which the
  // tests' TypeScript configuration leaves out (the admin's own configuration checks this module).
  const module: string = path.resolve(__dirname, "../admin/src/i18n/catalogs.ts");
  const { catalogs } = (await import(module)) as { catalogs: Record<"ko" | "en", Record<string, unknown>> };
  ko = flatten(catalogs.ko);
  en = flatten(catalogs.en);
});
const placeholders = (text: string): string[] => [...new Set(text.match(/%\{\w+\}/g) ?? [])].sort();

/** Whether `key` is a text of the catalog, or the namespace of some. */
const namesTexts = (catalog: Map<string, string>, key: string): boolean => catalog.has(key) || [...catalog.keys()].some((k) => k.startsWith(`${key}.`));

const ADMIN_SRC = path.resolve(__dirname, "../admin/src");
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "gql" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/messages\.ts$|ra-ko\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe("the admin panel's texts", () => {
  it("have the same keys in Korean and English", () => {
    expect([...ko.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !ko.has(key))).toEqual([]);
  });

  it("name the same parameters in both languages", () => {
    const differing = [...en].filter(([key, text]) => ko.has(key) && placeholders(text).join() !== placeholders(ko.get(key)!).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("exist for every key the screens name literally", () => {
    // A string literal that starts with a catalog's namespace and goes on with dotted words is a key.
    const namespaces = [...new Set([...en.keys()].map((key) => key.split(".")[0]))].join("|");
    const literal = new RegExp(`["'\`]((?:${namespaces})(?:\\.[A-Za-z0-9_]+)+)["'\`]`, "g");
    const missing = sources(ADMIN_SRC).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(literal)]
        .map((match) => match[1])
        // A namespace ("resources.users.roles") is the prefix of keys built at run time.
        .filter((key) => !namesTexts(en, key) || !namesTexts(ko, key))
        .map((key) => `${path.relative(ADMIN_SRC, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it("say 이메일 (Email) on the sign-in form, which takes an e-mail address", () => {
    expect(ko.get("ra.auth.username")).toBe("이메일");
    expect(en.get("ra.auth.username")).toBe("Email");
  });
});
