import { Global, Module } from '@nestjs/common';
import { AttachmentStore } from './attachment-store.service';

/** Attachment storage reads, global so the statement queries (GET attachments=true) get them. */
@Global()
@Module({
  providers: [AttachmentStore],
  exports: [AttachmentStore],
})
export class AttachmentsModule {}
