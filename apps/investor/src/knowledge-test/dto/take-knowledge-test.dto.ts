import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { KNOWLEDGE_TEST_QUESTIONS } from '../knowledge-test.questions';

const COUNT = KNOWLEDGE_TEST_QUESTIONS.length;

export class TakeKnowledgeTestDto {
  @ApiProperty({
    type: [String],
    description: `the chosen option id for each of the ${COUNT} questions, in the order of GET /v1/investors/knowledge-test/questions`,
    example: ['c', 'b', 'a', 'c', 'a', 'b', 'b', 'b', 'a', 'b'],
  })
  @IsArray()
  @ArrayMinSize(COUNT)
  @ArrayMaxSize(COUNT)
  @IsString({ each: true })
  @Length(1, 10, { each: true })
  answers!: string[];
}
