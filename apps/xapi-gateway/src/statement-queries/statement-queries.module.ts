import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { StatementQueriesController } from './statement-queries.controller';
import { StatementQueriesService } from './statement-queries.service';

/** GET/HEAD /xapi/statements; the statement store comes from the global StoreModule. */
@Module({
  imports: [AttachmentsModule],
  controllers: [StatementQueriesController],
  providers: [StatementQueriesService],
})
export class StatementQueriesModule {}
