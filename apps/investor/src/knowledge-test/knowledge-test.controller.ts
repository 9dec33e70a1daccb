import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { KnowledgeTestQuestionsDto, KnowledgeTestResultDto } from './dto/knowledge-test-result.dto';
import { TakeKnowledgeTestDto } from './dto/take-knowledge-test.dto';
import { KNOWLEDGE_TEST_QUESTIONS } from './knowledge-test.questions';
import { KnowledgeTestService } from './knowledge-test.service';

@ApiTags('investors')
@ApiBearerAuth()
@Controller('v1/investors')
@Roles('investor')
export class KnowledgeTestController {
  constructor(private readonly tests: KnowledgeTestService) {}

  @Get('knowledge-test/questions')
  @ApiOperation({ summary: 'Addition to api.md: the EU entry test, without its answers' })
  @ApiOkResponse({ type: KnowledgeTestQuestionsDto })
  questions(): KnowledgeTestQuestionsDto {
    return {
      items: KNOWLEDGE_TEST_QUESTIONS.map(({ id, text, options }) => ({
        id,
        text,
        options: options.map((option) => ({ ...option })),
      })),
    };
  }

  @Post('me/knowledge-test')
  @HttpCode(200)
  @ApiOkResponse({ type: KnowledgeTestResultDto })
  async take(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: TakeKnowledgeTestDto,
  ): Promise<KnowledgeTestResultDto> {
    const result = await this.tests.take(user.id, body.answers);
    return { ...result, validUntil: result.validUntil?.toISOString() ?? null };
  }
}
