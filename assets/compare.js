// The compare form (layouts/partials/compare-form.njk) goes straight to the compare view of the
// two versions chosen. Without this file the form opens /history/compare/, where every pair built
// ahead is a plain link; with it, that page also forwards ?from=…&to=… (a form sent before this
// file ran, or an address someone shared) to the pair, when it is built ahead; assets/compare-view.js
// draws the others there. The address of a pair that is not built ahead (or no longer is: the pairs
// with the version in force change when a new one takes effect) gets the host's 404 page, which
// forwards it to /history/compare/?from=…&to=… as well.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The compare view of two versions, the older first, under the site's prefix; undefined unless they are two dates. */
export function comparePath(prefix, first, second) {
  if (!DATE.test(first) || !DATE.test(second) || first === second) return undefined;
  const [older, newer] = first < second ? [first, second] : [second, first];
  return `${prefix}history/compare/${older}...${newer}/`;
}

/** The two dates of a compare view's address under the site's prefix, older first; undefined for any other address. */
export function pairOfPath(prefix, pathname) {
  const base = `${prefix}history/compare/`;
  const match = pathname.startsWith(base) && /^([\d-]+)\.\.\.([\d-]+)\/?$/.exec(pathname.slice(base.length));
  if (!match || !comparePath(prefix, match[1], match[2])) return undefined;
  return match[1] < match[2] ? [match[1], match[2]] : [match[2], match[1]];
}

function start() {
  const prefix = document.documentElement.dataset.pathPrefix || "/";
  for (const form of document.querySelectorAll("[data-compare-form]")) {
    const from = form.elements.namedItem("from");
    const to = form.elements.namedItem("to");
    to.addEventListener("change", () => to.setCustomValidity(""));
    from.addEventListener("change", () => to.setCustomValidity(""));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const path = comparePath(prefix, from.value, to.value);
      if (path) return location.assign(path);
      to.setCustomValidity("Choose two different versions.");
      to.reportValidity();
    });
  }
  const lost = document.querySelector(".not-found") && pairOfPath(prefix, location.pathname);
  if (lost) location.replace(`${prefix}history/compare/?from=${lost[0]}&to=${lost[1]}`);
  // Only to a pair this site has: the page lists a link to each.
  if (document.querySelector("[data-compare-index]")) {
    const query = new URLSearchParams(location.search);
    const path = comparePath(prefix, query.get("from") ?? "", query.get("to") ?? "");
    if (path && document.querySelector(`a[href="${path}"]`)) location.replace(path);
  }
}

if (typeof document !== "undefined") start();
