import { Inject, Injectable } from '@nestjs/common';
import { knowledgeTestExpiresAt, passesKnowledgeTest } from '@crowdlink/compliance';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { InvestorProfilesRepository } from '../investors/investor-profiles.repository';
import { KnowledgeTestAttempt } from './knowledge-test-attempt.entity';
import { KNOWLEDGE_TEST_QUESTIONS, scoreKnowledgeTest } from './knowledge-test.questions';

export interface KnowledgeTestResult {
  passed: boolean;
  score: number;
  questions: number;
  validUntil: Date | null;
}

/**
 * The ECSPR entry test. A pass holds until knowledgeTestExpiresAt (two years); a failed
 * retake while an earlier pass still holds does not take that pass away: the law asks that
 * the investor has passed, and they did.
 */
@Injectable()
export class KnowledgeTestService {
  constructor(
    private readonly profiles: InvestorProfilesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async take(userId: string, answers: string[]): Promise<KnowledgeTestResult> {
    const now = this.clock.now();
    const questions = KNOWLEDGE_TEST_QUESTIONS.length;
    const score = scoreKnowledgeTest(answers);
    const passed = passesKnowledgeTest(score, questions, now);
    const { profile } = await this.profiles.change(userId, async (profile, manager) => {
      if (passed) {
        profile.knowledgeTestPassedAt = now;
        profile.knowledgeTestPassedUntil = knowledgeTestExpiresAt(now);
      }
      await manager.insert(KnowledgeTestAttempt, {
        id: newId(),
        userId,
        correct: score,
        questions,
        passed,
        answers,
        takenAt: now,
      });
    });
    return { passed, score, questions, validUntil: profile.knowledgeTestPassedUntil };
  }
}
