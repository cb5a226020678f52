import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { StatementMetrics } from './statement-metrics';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

@Module({
  imports: [AttachmentsModule],
  controllers: [StatementsController],
  providers: [StatementsService, StatementMetrics],
})
export class StatementsModule {}
