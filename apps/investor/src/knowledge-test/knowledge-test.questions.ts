/**
 * The ECSPR entry knowledge test (Art 21(3)–(4)): what a non-sophisticated investor must
 * understand before investing in crowdfunding. A fixed set, answered in this order; a
 * change of questions is a code change, reviewed like one.
 */
export interface KnowledgeTestQuestion {
  id: string;
  text: string;
  options: { id: string; text: string }[];
  /** Never sent to the investor. */
  correct: string;
}

export const KNOWLEDGE_TEST_QUESTIONS: readonly KnowledgeTestQuestion[] = [
  {
    id: 'loss-of-capital',
    text: 'If the company you invest in fails, how much of your investment can you lose?',
    options: [
      { id: 'a', text: 'Nothing: the platform repays it' },
      { id: 'b', text: 'At most 10%' },
      { id: 'c', text: 'All of it' },
    ],
    correct: 'c',
  },
  {
    id: 'no-deposit-guarantee',
    text: 'Is money invested through a crowdfunding platform covered by a deposit guarantee scheme?',
    options: [
      { id: 'a', text: 'Yes, up to €100,000' },
      { id: 'b', text: 'No' },
      { id: 'c', text: 'Only for equity investments' },
    ],
    correct: 'b',
  },
  {
    id: 'no-investor-compensation',
    text: 'Does an investor compensation scheme pay you back if the project fails?',
    options: [
      { id: 'a', text: 'No' },
      { id: 'b', text: 'Yes, always' },
      { id: 'c', text: 'Yes, if the project had a loan' },
    ],
    correct: 'a',
  },
  {
    id: 'illiquidity',
    text: 'Can you expect to sell shares in a crowdfunded start-up whenever you want?',
    options: [
      { id: 'a', text: 'Yes, on a stock exchange' },
      { id: 'b', text: 'Yes, the platform buys them back' },
      { id: 'c', text: 'No, there may be no buyer for years' },
    ],
    correct: 'c',
  },
  {
    id: 'dilution',
    text: 'What usually happens to your percentage of the company when it raises more capital later?',
    options: [
      { id: 'a', text: 'It shrinks (dilution) unless you invest again' },
      { id: 'b', text: 'It stays the same' },
      { id: 'c', text: 'It grows' },
    ],
    correct: 'a',
  },
  {
    id: 'dividends',
    text: 'Do start-ups usually pay dividends in their first years?',
    options: [
      { id: 'a', text: 'Yes, every year' },
      { id: 'b', text: 'Rarely, if ever' },
      { id: 'c', text: 'Yes, the platform guarantees them' },
    ],
    correct: 'b',
  },
  {
    id: 'diversification',
    text: 'What reduces the risk of losing most of what you invest in crowdfunding?',
    options: [
      { id: 'a', text: 'Putting everything into the most popular project' },
      { id: 'b', text: 'Spreading small amounts over several projects and investing only what you can afford to lose' },
      { id: 'c', text: 'Borrowing to invest more' },
    ],
    correct: 'b',
  },
  {
    id: 'platform-role',
    text: 'Does the platform give advice or guarantee the quality of the projects it lists?',
    options: [
      { id: 'a', text: 'Yes, every project is guaranteed' },
      { id: 'b', text: 'No: it checks disclosures, but you decide and bear the risk' },
      { id: 'c', text: 'Yes, it advises each investor personally' },
    ],
    correct: 'b',
  },
  {
    id: 'loss-bearing-capacity',
    text: 'The loss simulation shows 10% of your net worth. What does that figure mean?',
    options: [
      { id: 'a', text: 'The most you could lose without a significant effect on your standard of living' },
      { id: 'b', text: 'The return you can expect each year' },
      { id: 'c', text: 'The fee the platform charges' },
    ],
    correct: 'a',
  },
  {
    id: 'reflection-period',
    text: 'As a non-sophisticated investor, how long can you revoke a pledge without giving a reason?',
    options: [
      { id: 'a', text: 'Never' },
      { id: 'b', text: '4 calendar days after making it' },
      { id: 'c', text: 'Until the company goes public' },
    ],
    correct: 'b',
  },
];

/** Correct answers among `answers`, given in the order of the questions. */
export function scoreKnowledgeTest(answers: readonly string[]): number {
  return KNOWLEDGE_TEST_QUESTIONS.filter((question, index) => answers[index] === question.correct).length;
}
