// Made once: the history pages format dozens of dates, and a formatter is slow to create.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * "2014-04-08" → "8 April 2014": unambiguous for readers everywhere, and the same on every machine
 * and in every browser (the compare view drawn in the browser formats its dates with it too).
 */
export function readableDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}
