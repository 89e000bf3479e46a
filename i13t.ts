import { markdown, renderMarkdown } from "./src/render/markdown.ts";

const src = `> [!SUMMARY]
> We collect *little*. Personal data stays here.

Personal data is used[^1] here. More personal data and Cookies.

Table: What we keep, and for how long

| Purpose | Legal basis | Retention |
| :--- | :---: | ---: |
| Orders[^2] | Contract | 6 years |

> [!WARNING]
> Be careful with personal data.

> A plain quote.

Personal data
: Any information about you. Personal data is nice.

Cookies
: Small files[^1].

Text with ^[an inline note] here.

[^1]: First note.
[^2]: Second note with [a link](https://example.com).
`;
const env = {
  sectionId: "cookies",
  terms: [
    { text: "Personal data", href: "/defs/#term_personal-data" },
    { text: "Cookies", href: "#term_cookies" },
  ],
};
console.log(renderMarkdown(markdown, src, env).html);
console.log(renderMarkdown(markdown, src, { ...env, headingOffset: 1, sectionId: "x" }).html.match(/<h\d[^>]*>Notes/));
