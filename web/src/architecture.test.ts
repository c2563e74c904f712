// The web app's shape, checked: feature folders that do not reach into each
// other, pages that only the router imports, and code kept small (no file
// over 400 lines, no function over 60). schema.d.ts is generated and exempt.
import ts from "typescript";
import { describe, expect, it } from "vitest";

const sources: Record<string, string> = import.meta.glob(["./**/*.{ts,tsx}", "!./shared/api/schema.d.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const files = Object.keys(sources).map((f) => f.slice(2)); // "features/…/X.tsx"
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith("test/");

// Every relative import of a file, as a path under src/ without its extension.
function importsOf(file: string): string[] {
  const found = [...sources[`./${file}`].matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gm)].map((m) => m[1]);
  return found.map((spec) => {
    const parts = file.split("/").slice(0, -1);
    for (const part of spec.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    return parts.join("/");
  });
}
const feature = (path: string) => (path.startsWith("features/") ? path.split("/")[1] : null);
const withoutExtension = (file: string) => file.replace(/\.tsx?$/, "");
// Pages: what a route shows (named …Page, or a dashboard the /dashboard route picks).
const pages = files.filter((f) => !isTest(f) && /(Page|Dashboard)\.tsx$/.test(f)).map(withoutExtension);

describe("the web app's folders", () => {
  it("finds the code it checks", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(pages).toContain("features/booking/checkout/CheckoutPage");
  });

  it("keeps shared/ free of features and of the app", () => {
    const wrong = files
      .filter((f) => f.startsWith("shared/"))
      .flatMap((f) => importsOf(f).filter((to) => to.startsWith("features/") || to.startsWith("app/")).map((to) => `${f} → ${to}`));
    expect(wrong).toEqual([]);
  });

  it("lets a feature use another only through its index", () => {
    const wrong = files.flatMap((f) =>
      importsOf(f)
        .filter((to) => feature(to) && feature(f) && feature(to) !== feature(f) && to !== `features/${feature(to)}` && to !== `features/${feature(to)}/index`)
        .map((to) => `${f} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it("has no page import another page: only the router (and a page's own test) does", () => {
    const wrong = files
      .filter((f) => !f.startsWith("app/") && !isTest(f))
      .flatMap((f) => importsOf(f).filter((to) => pages.includes(to) && to !== withoutExtension(f)).map((to) => `${f} → ${to}`));
    expect(wrong).toEqual([]);
  });
});

// Each function's length in lines, from its first token to its last.
function functionLengths(file: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, sources[`./${file}`], ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { name: string; lines: number }[] = [];
  const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) {
      const name = (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name ? node.name.getText(source) : `function at line ${line(node.getStart(source)) + 1}`;
      out.push({ name, lines: line(node.getEnd()) - line(node.getStart(source)) + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe("the web app's size", () => {
  it("has no file over 400 lines", () => {
    const long = files.map((f) => ({ f, lines: sources[`./${f}`].split("\n").length })).filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });

  it("has no function over 60 lines outside the tests", () => {
    const long = files.filter((f) => !isTest(f)).flatMap((f) => functionLengths(f).filter((fn) => fn.lines > 60).map((fn) => `${f}: ${fn.name} (${fn.lines})`));
    expect(long).toEqual([]);
  });
});
