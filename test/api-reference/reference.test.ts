// `npm run docs` builds the API reference; headless Chromium opens it and every resource
// section and every operation of the spec must render. Without Chromium the browser test
// is skipped with a message saying so.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDereferencedSpec, operationsOf } from "../../scripts/spec.js";
import { OUTPUT_DIR, ROOT } from "../support/paths.js";
import { npm } from "../support/run.js";
import { CHROMIUM_FLAGS, findChromium } from "./chromium.js";

const PAGE = join(ROOT, "docs/index.html");
const SCREENSHOTS = join(OUTPUT_DIR, "api-reference");
const spec = loadDereferencedSpec();
const tags = (spec.tags as { name: string }[]).map(({ name }) => name);
const operations = operationsOf(spec).map(({ method, path, op }) => ({
  method: method.toUpperCase(),
  path,
  summary: op.summary as string,
  anchor: `${slug((op.tags as string[])[0]!)}/${op.operationId.toLowerCase()}`,
}));

/** How Redoc names a tag's section: "Order item" is `#/order-item`. */
function slug(tag: string): string {
  return tag.toLowerCase().replace(/\s+/g, "-");
}

/** Navigates within the page (Redoc routes on the hash) and returns the section's element. */
async function open(page: Page, anchor: string) {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/${anchor}`);
  const section = page.locator(`[id="${anchor}"]`);
  await section.locator("h2").first().waitFor({ timeout: 10_000 });
  return section;
}

describe("the API reference", () => {
  beforeAll(async () => {
    const build = await npm(["run", "docs"], { cwd: ROOT });
    if (build.code !== 0) throw new Error(`npm run docs failed:\n${build.stdout}\n${build.stderr}`);
  }, 60_000);

  it("is one self-contained page: Redoc inlined, no script from elsewhere", () => {
    const html = readFileSync(PAGE, "utf8");
    expect(html).toContain("Sitecore CDP Order REST API");
    expect(html.match(/<script[^>]*\ssrc=/g) ?? []).toEqual([]);
    expect(html.match(/<link[^>]*rel="modulepreload"/g) ?? []).toEqual([]);
  });

  describe("in headless Chromium", () => {
    const executablePath = findChromium();
    let userDataDir: string;
    let context: BrowserContext | undefined;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      if (!executablePath) return;
      userDataDir = mkdtempSync(join(tmpdir(), "sitecore-cdp-orders-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: CHROMIUM_FLAGS,
      });
      // The page must work offline: anything but the file itself is refused.
      await context.route("**/*", (route) =>
        route.request().url().startsWith("file:") ? route.continue() : route.abort(),
      );
      page = context.pages()[0] ?? (await context.newPage());
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(pathToFileURL(PAGE).href, { waitUntil: "load" });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    it("renders the six resource sections and every operation, without a script error", {
      timeout: 120_000,
    }, async (ctx) => {
      if (!executablePath) {
        const reason =
          "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH): the API reference was not checked in a browser";
        console.warn(`SKIPPED: ${reason}`);
        ctx.skip(reason);
      }
      expect(existsSync(PAGE)).toBe(true);
      expect(tags).toHaveLength(6);
      for (const tag of tags) {
        const section = await open(page, slug(tag));
        // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, whose innerText is the text as shown.
        await expect.poll(() => section.locator("h2").first().innerText()).toBe(tag);
      }
      expect(operations).toHaveLength(38);
      for (const { method, path, summary, anchor } of operations) {
        const section = await open(page, anchor);
        // Redoc renders a section in steps; wait for the finished state, not the first paint.
        // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, whose innerText is the text as shown.
        await expect.poll(() => section.locator("h2").first().innerText(), { message: anchor }).toBe(summary);
        // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, whose innerText is the text as shown.
        const text = await section.innerText();
        expect(text, anchor).toContain(method);
        expect(text, anchor).toContain(path);
      }
      expect(pageErrors).toEqual([]);

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.evaluate(() => {
        window.location.hash = "";
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: join(SCREENSHOTS, "reference.png") });
      await open(page, operations.find(({ method, path }) => method === "POST" && path === "/v2.1/orders")!.anchor);
      await page.screenshot({ path: join(SCREENSHOTS, "reference-create-order.png") });
    });
  });
});
