// The search page: starts Pagefind's Component UI and runs the query from ?q= (the header form
// sends readers here). Only this page loads search code.
import "../pagefind/pagefind-component-ui.js";

const { configureInstance, getInstanceManager } = window.PagefindComponents;

// Ranking tuned for a short legal text: a long section that mentions a word once should not beat
// a short one about it. https://pagefind.app/docs/ranking/
configureInstance("default", { ranking: { pageLength: 0.5, termFrequency: 1.0, termSaturation: 1.2 } });

document.querySelector("[data-search-unavailable]").hidden = true;
document.querySelector("[data-search-ui]").hidden = false;

const query = new URLSearchParams(location.search).get("q");
if (query && query.trim()) getInstanceManager().getInstance("default").triggerSearch(query.trim());
