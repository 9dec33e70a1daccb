import { ApiProperty } from '@nestjs/swagger';

export class KnowledgeTestResultDto {
  @ApiProperty() passed!: boolean;
  @ApiProperty({ description: 'correct answers' }) score!: number;
  @ApiProperty({ description: 'addition to api.md: how many questions there were' }) questions!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'addition to api.md: until when the (latest) pass holds; null when never passed',
  })
  validUntil!: string | null;
}

export class KnowledgeTestOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

export class KnowledgeTestQuestionDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [KnowledgeTestOptionDto] }) options!: KnowledgeTestOptionDto[];
}

export class KnowledgeTestQuestionsDto {
  @ApiProperty({ type: [KnowledgeTestQuestionDto] }) items!: KnowledgeTestQuestionDto[];
}
