/**
 * GET /xapi/about: the xAPI versions this LRS speaks. No credentials and no version header
 * needed (the one resource the spec exempts), so a client can find out what to send.
 */
import { Controller, Get, Header } from '@nestjs/common';
import { SUPPORTED_XAPI_VERSIONS, type XapiVersion } from '../http/xapi-version';

export interface AboutResponse {
  version: XapiVersion[];
  extensions: Record<string, unknown>;
}

export const ABOUT_EXTENSION = 'https://learnpulse.dev/xapi/extensions/lrs';

@Controller('xapi')
export class AboutController {
  @Get('about')
  @Header('Cache-Control', 'no-cache')
  about(): AboutResponse {
    return {
      version: [...SUPPORTED_XAPI_VERSIONS],
      extensions: { [ABOUT_EXTENSION]: { name: 'learnpulse', multiTenant: true } },
    };
  }
}
