export { bootstrapWarehouseWriter } from './warehouse-writer.bootstrap';
export { AppModule as WarehouseWriterModule } from './app.module';
