/**
 * Words a reader puts around a question that say nothing about what they want found: "can I …",
 * "what do you do with my …". The search page leaves them out of a query (and says so), because
 * Pagefind finds only pages holding every word, and a word such as "about" in a section title
 * would otherwise decide the ranking. Written for this site's readers: function words, pronouns,
 * auxiliary verbs, question words, contractions with and without their apostrophe, and the
 * shorthand of typed questions ("u", "ur"). Words that carry a question's meaning stay out of
 * the list ("change", "keep", "everything": a word the policy lacks is reported, not hidden).
 */
const ENGLISH = `
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each either else ever few
for from further get gets getting got had has have having he her here hers herself him himself his
how i if in into is it its itself just let lets me might more most must my myself no nor not now of
off on once only or other our ours ourselves out over own please same shall she should so some such
than that the their theirs them themselves then there these they this those through to too under
until up upon us very was way we were what when where whether which while who whom whose why will
with would yes yet you your yours yourself yourselves u ur pls plz
im ive id ill youre youve youd youll hes shes theyre theyve weve were isnt arent wasnt werent dont
doesnt didnt cant couldnt wont wouldnt shouldnt hasnt havent hadnt thats whats wheres whos hows
theres heres lets
i'm i've i'd i'll you're you've you'd you'll he's she's it's we're we've we'd we'll they're they've
they'd isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't
hasn't haven't hadn't that's what's where's who's how's there's here's let's
happen happens happened know need needs want wants tell anyone someone something anything
`;

/** The stop words of each language the search knows; a language without a list keeps every word. */
export const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [...new Set(ENGLISH.split(/\s+/).filter(Boolean))].sort(),
};

/** The stop words for a page language such as "en" or "en-GB"; none for a language without a list. */
export function stopWordsFor(language: string): readonly string[] {
  return STOP_WORDS[language.toLowerCase().split("-")[0]] ?? [];
}
