import {
  documentLexemes,
  MAX_LEXEME_LENGTH,
  MAX_QUERY_LEXEMES,
  projectSearchVector,
  queryLexemes,
  tsqueryText,
  tsvectorText,
} from './search-text';

describe('search-text', () => {
  describe(queryLexemes.name, () => {
    it.each([
      ['a Chinese word', '棉花', ['棉花']],
      ['a longer Chinese run, as overlapping bigrams', '有机棉花', ['有机', '机棉', '棉花']],
      ['a single Chinese character', '茶', ['茶']],
      ['English words, lower-cased', 'Organic COTTON', ['organic', 'cotton']],
      ['mixed scripts, split where the script changes', 'AI驱动的robot', ['ai', '驱动', '动的', 'robot']],
      ['punctuation as a separator', '“有机，棉花”！ e-commerce; 2025.', ['有机', '棉花', 'e', 'commerce', '2025']],
      ['full-width Latin and digits, as ASCII', 'ＲＯＢＯＴ　２０２５', ['robot', '2025']],
      ['kana and hangul as CJK', 'カメラ 한국어', ['カメ', 'メラ', '한국', '국어']],
      ['accented Latin', 'Café crème', ['café', 'crème']],
      ['a repeated word once', 'cotton Cotton 棉花棉花', ['cotton', '棉花', '花棉']],
    ])('%s', (_case, query, lexemes) => {
      expect(queryLexemes(query)).toEqual(lexemes);
    });

    it.each([[''], ['   '], ['!!! ??? ——'], ['。，、']])('%j has no lexemes: no filter', (query) => {
      expect(queryLexemes(query)).toEqual([]);
      expect(tsqueryText(query)).toBeNull();
    });

    it('cuts very long words and very long queries', () => {
      expect(queryLexemes('x'.repeat(500))).toEqual(['x'.repeat(MAX_LEXEME_LENGTH)]);
      const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
      expect(queryLexemes(many)).toHaveLength(MAX_QUERY_LEXEMES);
    });
  });

  describe(documentLexemes.name, () => {
    it('indexes every CJK bigram and character, so one-character queries find longer runs', () => {
      expect(documentLexemes('有机棉花 T-shirt')).toEqual([
        '有',
        '机',
        '棉',
        '花',
        '有机',
        '机棉',
        '棉花',
        't',
        'shirt',
      ]);
    });

    it('holds every lexeme of a query drawn from the document', () => {
      const document = new Set(documentLexemes('我们种植有机棉花，Organic cotton from Xinjiang.'));
      for (const query of ['棉花', '有机棉花', '棉', 'ORGANIC', 'cotton xinjiang', '机棉'])
        expect(queryLexemes(query).every((lexeme) => document.has(lexeme))).toBe(true);
    });
  });

  describe('PostgreSQL input text', () => {
    it('quotes every lexeme of an AND tsquery', () => {
      expect(tsqueryText('有机棉花')).toBe("'有机' & '机棉' & '棉花'");
      expect(tsqueryText('Organic cotton')).toBe("'organic' & 'cotton'");
    });

    it('never lets query syntax through: operators and quotes are separators', () => {
      expect(tsqueryText("a' | b & !c:* <-> (d) \\")).toBe("'a' & 'b' & 'c' & 'd'");
    });

    it('a document becomes a tsvector literal of quoted lexemes', () => {
      expect(tsvectorText('Cotton', '棉花')).toBe("'cotton' '棉' '花' '棉花'");
      expect(projectSearchVector({ title: 'Tea', summary: '', description: '茶' })).toBe("'tea' '茶'");
    });
  });
});
