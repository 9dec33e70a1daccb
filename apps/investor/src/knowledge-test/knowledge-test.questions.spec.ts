import { KNOWLEDGE_TEST_QUESTIONS, scoreKnowledgeTest } from './knowledge-test.questions';

describe(scoreKnowledgeTest.name, () => {
  const correct = KNOWLEDGE_TEST_QUESTIONS.map((q) => q.correct);

  it('counts the answers that match, in question order', () => {
    expect(scoreKnowledgeTest(correct)).toBe(10);
    expect(scoreKnowledgeTest(correct.map((answer, i) => (i < 3 ? `${answer}x` : answer)))).toBe(7);
    expect(scoreKnowledgeTest([])).toBe(0);
  });

  it('has ten questions whose correct answer is one of their options', () => {
    expect(KNOWLEDGE_TEST_QUESTIONS).toHaveLength(10);
    for (const question of KNOWLEDGE_TEST_QUESTIONS) {
      expect(question.options.map((o) => o.id)).toContain(question.correct);
    }
    expect(new Set(KNOWLEDGE_TEST_QUESTIONS.map((q) => q.id)).size).toBe(10);
  });
});
