/**
 * Full-text search for Chinese (and Japanese, Korean) as well as English on a stock
 * PostgreSQL, without zhparser or pg_jieba: a CJK bigram analyzer run in the application.
 *
 * - Text is NFKC-normalised (full-width Ｌａｔｉｎ and digits become ASCII) and lower-cased.
 * - Runs of letters and digits of other scripts are words: `Organic-Cotton 2025` gives
 *   `organic`, `cotton`, `2025`. Everything else (punctuation, spaces, symbols) separates.
 * - Runs of CJK characters (Han, kana, hangul) give overlapping bigrams: `有机棉花` gives
 *   `有机`, `机棉`, `棉花`. Chinese has no spaces, so any two adjacent characters may be a
 *   word; a query matches a document holding every bigram of the query.
 * - Documents also index each CJK character alone, so a one-character query (`茶`) finds
 *   the documents holding that character anywhere. Queries use the single character only
 *   for a one-character run, so longer queries stay as selective as bigrams make them.
 *
 * Both sides go through this one module: documents become a tsvector literal (stored in
 * projects.search_vector), queries an AND tsquery literal, both passed to PostgreSQL as
 * bound parameters and cast (`$1::tsquery`). The casts take quoted lexemes verbatim, so no
 * text-search parser re-splits what this analyzer produced, and user text never becomes
 * tsquery syntax: every lexeme is quoted and escaped.
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC';
/** A CJK run, or a run of letters, marks and digits of any other script. */
const TOKEN = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])+`, 'gu');
const CJK_RUN = new RegExp(`^[${CJK}]`, 'u');

/** Longer words are cut to this many characters on both sides (PostgreSQL refuses lexemes over 2 KB). */
export const MAX_LEXEME_LENGTH = 64;
/** A query is cut to this many lexemes: an AND of more finds nothing a shorter one would not. */
export const MAX_QUERY_LEXEMES = 32;

type Side = 'document' | 'query';

function lexemesOf(text: string, side: Side): string[] {
  const lexemes = new Set<string>();
  for (const [token] of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    if (!CJK_RUN.test(token)) {
      lexemes.add([...token].slice(0, MAX_LEXEME_LENGTH).join(''));
      continue;
    }
    const chars = [...token];
    if (chars.length === 1 || side === 'document') for (const char of chars) lexemes.add(char);
    for (let i = 0; i + 1 < chars.length; i++) lexemes.add(chars[i]! + chars[i + 1]!);
  }
  return [...lexemes];
}

/** The lexemes a document is indexed under, without duplicates. */
export function documentLexemes(...texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => lexemesOf(text, 'document')))];
}

/** The lexemes a query must all match; empty when the query holds no word at all. */
export function queryLexemes(query: string): string[] {
  return lexemesOf(query, 'query').slice(0, MAX_QUERY_LEXEMES);
}

/** A lexeme in the quoted form of tsvector and tsquery input: `'it''s'`. */
function quoted(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector input text of a document (cast it: `$1::tsvector`). */
export function tsvectorText(...texts: string[]): string {
  return documentLexemes(...texts)
    .map(quoted)
    .join(' ');
}

/** The AND tsquery input text of a query (cast it: `$1::tsquery`), or null when it has no words: no filter. */
export function tsqueryText(query: string): string | null {
  const lexemes = queryLexemes(query);
  return lexemes.length === 0 ? null : lexemes.map(quoted).join(' & ');
}

/** The one rule for what a project is found by: its title, summary and description. */
export function projectSearchVector(project: { title: string; summary: string; description: string }): string {
  return tsvectorText(project.title, project.summary, project.description);
}
