/** How each figure is taken: printed under the tables so a reader can judge them. */
export const METHOD = `- **Commands as you run them** (scripts/bench/commands.ts, dev-loop.ts): \`npm run build\` and
  \`npm run check\` of the real policy run in the project by \`npm\` itself, as an editor types them,
  timed from spawning npm to its exit; each is run once untimed first, because the first run after
  a change to \`src/\` or \`scripts/\` compiles the command (scripts/launch.js, once per change).
  The build writes into a folder it replaces, as it replaces \`dist/\`. **Start to first page** is
  from spawning \`npm start\` (with \`PORT=0\` and a copy of \`content/\`) to a section page received
  in full: the page is asked for as soon as the server says where it listens, and the server holds
  it until its first build is done. A new \`npm start\` per run. The breakdown beside
  \`npm run build\` is the build's own step times from the cold builds below; the rest is npm, Node's
  exit and waiting for a core.
- **Synthetic policies** (scripts/bench/synthetic.ts): the real sections in \`content/\`, copied in
  order until there are N. Copy *n* gets the id \`<id>-n\`, the title “<title> (n)”, order *n* and
  clause ids \`<clause>-n\`, so every id is unique and the text is the real text (so the vocabulary,
  and with it the search index, grows more slowly than a real policy of that size would).
- **Cold build**: a new Node process per run (scripts/bench/build-child.ts, started through
  scripts/launch.js as \`npm run build\` is) calls \`buildSite\` from src/pipeline/build-site.ts, the
  same function as \`npm run build\`, into a folder that does not exist yet. The operating system's
  file cache and the compiled command are warm, as they are for anyone who builds twice.
- **Wall** is from spawning that process to its exit. **CPU** is user + system time of the whole
  process tree from /proc/<pid>/stat: the build process, the children it waited for (Pagefind's
  binary) and the ones still running (esbuild's service, for the minifier). **Peak memory** is the highest sum of
  VmRSS over the process tree, sampled from /proc every 25 ms (pages shared between processes count
  once per process).
- **Median ± spread**: the median of the runs; ±x% is half the range between the slowest and
  fastest run, as a share of the median. Per-section costs divide the median by the sections;
  *wall growth* is the median wall time over the median of the size before it.
- **Output** counts every file the build left in the output folder; **search bundle** is the
  \`pagefind/\` folder in it (index, fragments and Pagefind's UI code).
- **Where the time goes**: \`buildSite\` reports how long each step took (its \`onStep\` option);
  start-up is the time from the process starting to the build being called. The second table is
  Eleventy's own benchmark (printed with \`DEBUG=Eleventy:Benchmark*\`) from the run with the median
  wall time; its groups overlap (\`Render\` contains the templates' render times, which contain the
  filters').
- **Reader cost**: the real site, built as above and served by src/tools/static-server.ts (plain
  files, no compression), opened in headless Chromium with an empty cache until the network is
  idle. Every response body is counted as served (raw) and as gzip (level 9) and brotli
  (quality 11) would send it; Pagefind's index files are gzip already and count as they are.
  *To first render* is the HTML plus the files Chromium marks render-blocking (Resource Timing's
  \`renderBlockingStatus\`): the stylesheets; the module script is deferred and does not block.
  *HTML + CSS + JS* is everything of those three the page fetched. *JS needed to read* compares
  the text of \`<main>\` with JavaScript on and off. The section page target is judged on the
  first render.
- **Search transfer**: \`/search/?q=<first query>\` opened with an empty cache until the page shows
  its results and the network is idle: everything fetched counts, the page itself included. Then
  the second query is typed into the page's search field and only what that fetched counts.
  Targets are judged on gzip.
- **Readers' questions** (scripts/bench/reader-search.ts): every question in
  scripts/bench/reader-questions.json is typed into the real site's search page and submitted; a
  question counts as answered at *k* when the right section is among the first *k* results, or the
  right clause among the first *k* places a reader can land on (each result's clauses in the order
  shown, or the section when it shows none; for a question about a whole section, anywhere in it).
  The question's transfer is taken as the first query's above, the vocabulary
  (\`pagefind/vocabulary.json\`) shown apart as well as counted.
- **Dev loop**: on the last \`npm start\` above, a sentence is appended to the copy of
  \`02-cookies.md\`; the time runs from the save until the dev server's reload message (read on
  its WebSocket, as every open tab reads it) and the section page it then serves shows the
  sentence. Each edit starts when the previous one was served. *The dev server's build* is its own
  "Built … in N ms" line; waiting until the content has been still for 50 ms comes before it.
- Units: 1 KB = 1,024 bytes; 1 MB = 1,024 KB; 1 GB = 1,024 MB. No test asserts any of these
  figures; \`npm test\` only runs \`npm run bench -- --quick\` to keep the benchmark working.`;

/** How the long history is made and measured. */
export const HISTORY_METHOD = `- **A long history** (scripts/bench/history-case.ts, synthetic-history.ts): the synthetic policy
  of 20 sections as its first version, then 49 more two months apart, each adding a sentence to one
  paragraph of two sections (spread so each section changes every few versions) with a change note
  on each, the newest in \`content/\` and the others in \`history/<date>/\`, every version recorded in
  the version lock as \`npm run new-version\` records it. Built cold as above; *compare views built*
  counts the folders under \`/history/compare/\` against the pairs of versions, and *compare views*
  is their bytes.`;
