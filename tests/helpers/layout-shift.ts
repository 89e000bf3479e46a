import type { BrowserContext, Page } from "playwright-core";

interface ShiftRecord {
  layoutShift: number;
  layoutShiftObserver: PerformanceObserver;
}

/**
 * Layout shift as Chromium reports it (the Layout Instability API, which Lighthouse's cumulative
 * layout shift adds up), from before the page's first paint. Shifts within half a second of the
 * reader's own input do not count, as in CLS. https://web.dev/articles/cls
 */
export async function watchLayoutShift(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const record = window as unknown as ShiftRecord;
    record.layoutShift = 0;
    const add = (entries: PerformanceEntryList): void => {
      for (const entry of entries as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) record.layoutShift += entry.value;
      }
    };
    record.layoutShiftObserver = new PerformanceObserver((list) => add(list.getEntries()));
    record.layoutShiftObserver.observe({ type: "layout-shift", buffered: true });
    (window as unknown as { addLayoutShifts: typeof add }).addLayoutShifts = add;
  });
}

/** The layout shift so far: two more frames drawn, then every entry the observer holds counted. */
export async function layoutShiftSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const record = window as unknown as ShiftRecord & { addLayoutShifts(entries: PerformanceEntryList): void };
            record.addLayoutShifts(record.layoutShiftObserver.takeRecords());
            resolve(record.layoutShift);
          }),
        ),
      ),
  );
}
