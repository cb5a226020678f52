import { Module } from '@nestjs/common';
import { CaliperController } from './caliper.controller';
import { CaliperService } from './caliper.service';

@Module({ controllers: [CaliperController], providers: [CaliperService] })
export class CaliperModule {}
