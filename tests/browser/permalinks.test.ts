import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Reader, startReader } from "../helpers/reader.ts";
import { policy } from "../helpers/sections.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

describe("heading permalinks", () => {
  it("puts the clause's #id in the address bar and focuses its heading when activated from the keyboard", async () => {
    const { page } = await reader.open({ viewport: { width: 1280, height: 600 } });
    await page.goto(reader.url("/sharing/"));
    const link = page.getByRole("link", { name: "Permalink to “Business Transfers”", exact: true });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/sharing\/#business-transfers$/);
    await page.locator("#business-transfers:focus").waitFor();
    const box = (await page.locator("#business-transfers").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(600);
  });

  it.each(["/", ...policy.sections.map((s) => s.url)])(
    "gives every permalink on %s an accessible name naming its heading",
    async (path) => {
      const { page } = await reader.open();
      await page.goto(reader.url(path));
      // The permalink names the heading's words; its number (.clause-number) is not part of them.
      const headings = await page.locator(".heading > :is(h2, h3)").evaluateAll((els) =>
        els.map((h) =>
          [...h.childNodes]
            .filter((node) => !(node instanceof Element && node.classList.contains("clause-number")))
            .map((node) => node.textContent)
            .join("")
            .trim(),
        ),
      );
      expect(headings.length).toBeGreaterThan(0);
      for (const text of headings) {
        await expect
          .poll(() => page.getByRole("link", { name: `Permalink to “${text}”`, exact: true }).count(), {
            message: text,
          })
          .toBe(1);
      }
    },
  );

  it("shows the permalink on hover and on keyboard focus, as a target of at least 24 by 24 pixels", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/sharing/"));
    const link = page.locator('a.permalink[href="#business-transfers"]');
    const opacity = () => link.evaluate((el) => getComputedStyle(el).opacity);
    expect(await opacity()).toBe("0");
    await page.locator("#business-transfers").hover();
    expect(await opacity()).toBe("1");
    await page.mouse.move(0, 0);
    await link.focus();
    expect(await opacity()).toBe("1");
    const box = (await link.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  });

  it("opens a shared clause link with the clause at the top of the screen", async () => {
    const { page } = await reader.open({ viewport: { width: 320, height: 640 } });
    await page.goto(reader.url("/#third-party-service-providers"));
    const box = (await page.locator("#third-party-service-providers").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(100);
  });
});
