// Small enhancements for every page. Reading never depends on this file: without it, every
// link, permalink and "Print this section" link still works.

const prefix = document.documentElement.dataset.pathPrefix || "/";

/** The field the search shortcut focuses: the search page's own, the header's elsewhere. */
function searchField() {
  return document.getElementById("search-input") || document.getElementById("site-search-input");
}

function isTyping(target) {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

// "/" and Ctrl/⌘-K focus search, as on most documentation sites.
document.addEventListener("keydown", (event) => {
  const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
  const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (!modK && !slash) return;
  const field = searchField();
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});

// "Print this section": a link to the section's page without JavaScript; with it, a button
// that prints just that section from the whole-policy page, with that section's title and
// address in the margins of every page (the data-print-* attributes the print styles read).
const marginFacts = ["data-print-title", "data-print-url"];
const pageFacts = marginFacts.map((name) => document.documentElement.getAttribute(name));
for (const link of document.querySelectorAll("a[data-print-section]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "section-tools__print";
  button.append(...link.childNodes);
  const section = link.closest(".policy-section");
  button.addEventListener("click", () => {
    document.documentElement.setAttribute("data-printing", "");
    for (const name of marginFacts) document.documentElement.setAttribute(name, section.getAttribute(name) || "");
    section.setAttribute("data-print-target", "");
    window.print();
  });
  link.replaceWith(button);
}
window.addEventListener("afterprint", () => {
  document.documentElement.removeAttribute("data-printing");
  marginFacts.forEach((name, i) => {
    document.documentElement.setAttribute(name, pageFacts[i] || "");
  });
  for (const target of document.querySelectorAll("[data-print-target]")) target.removeAttribute("data-print-target");
});

// Following a permalink moves keyboard focus to its heading, so screen readers start reading there.
function focusTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (target?.matches("h1, h2, h3, h4, h5, h6")) target.focus({ preventScroll: true });
}
window.addEventListener("hashchange", focusTarget);

// Arriving from a search result (?highlight=…), mark the words searched for. Pagefind's script
// loads only then, never on the ordinary reading path.
if (new URLSearchParams(location.search).has("highlight")) {
  import(`${prefix}pagefind/pagefind-highlight.js`).then(({ default: PagefindHighlight }) => {
    // addStyles: false because injected <style> would break the CSP; site.css styles the marks.
    new PagefindHighlight({ highlightParam: "highlight", addStyles: false });
    // Marked: the address bar drops the words, so a link copied from it carries no search terms.
    const address = new URL(location.href);
    address.searchParams.delete("highlight");
    history.replaceState(history.state, "", address);
  });
}

// The contents marks where the reader is: the section and the clause whose heading was passed
// last. Only an attribute changes (aria-current, styled with colour), so nothing on the page
// moves; without this script the contents still links to every part.
const toc = document.querySelector(".toc");
const tocLinks = toc ? [...toc.querySelectorAll('a[href^="#"]')] : [];
const tocTargets = tocLinks.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
let marked = [];
let pending = false;

/** The last of the headings, in page order, whose top has passed a quarter of the window. */
function lastPassed() {
  const line = innerHeight / 4;
  let low = 0;
  let high = tocTargets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tocTargets[middle].getBoundingClientRect().top <= line) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function markCurrent() {
  pending = false;
  const index = lastPassed();
  const link = tocLinks[index];
  const section = link?.closest(".toc__sections > li")?.querySelector("a");
  const current = [link, section].filter(Boolean);
  if (current.length === marked.length && current.every((a, i) => a === marked[i])) return;
  for (const a of marked) a.removeAttribute("aria-current");
  for (const a of current) a.setAttribute("aria-current", "location");
  marked = current;
  // Where the contents scrolls on its own (beside the text), keep the marked clause in view.
  const box = toc.querySelector(".toc__inner");
  if (link && box && box.scrollHeight > box.clientHeight) {
    const [outer, inner] = [box.getBoundingClientRect(), link.getBoundingClientRect()];
    if (inner.top < outer.top || inner.bottom > outer.bottom) box.scrollTop += inner.top - outer.top - outer.height / 3;
  }
}

if (tocTargets.length > 0 && tocTargets.every(Boolean)) {
  addEventListener(
    "scroll",
    () => {
      if (!pending) requestAnimationFrame(markCurrent);
      pending = true;
    },
    { passive: true },
  );
  markCurrent();
}
