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
  });
}
