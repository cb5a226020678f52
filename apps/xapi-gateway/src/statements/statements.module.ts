import { Module } from '@nestjs/common';
import { StatementMetrics } from './statement-metrics';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

@Module({
  controllers: [StatementsController],
  providers: [StatementsService, StatementMetrics],
})
export class StatementsModule {}
