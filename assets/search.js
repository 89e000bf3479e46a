// The search page: our own results list on Pagefind's JavaScript API, in place of its Component
// UI (five times the code for what this page needs; docs/performance.md). The modules in search/
// are pure functions but for page.js, which wires them to the page; the build bundles them into
// this one file (src/templates/assets.ts). Only this page loads search code.

import { start } from "./search/page.js";

const page = globalThis.document?.querySelector("[data-search-page]");
if (page) start(page);
