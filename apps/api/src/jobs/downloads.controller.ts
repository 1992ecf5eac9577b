import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ArtifactLinksService } from './artifact-links.service';

@Controller('downloads')
export class DownloadsController {
  constructor(private readonly links: ArtifactLinksService) {}

  /** The zip behind a link of `GET /jobs/{id}/artifact`; the signed token is the credential. */
  @Get(':token')
  @Public()
  async download(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const file = await this.links.download(token);
    res
      .status(200)
      .set({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Content-Length': String(file.bytes.byteLength),
        'Cache-Control': 'private, no-store',
        'X-Content-SHA256': file.sha256,
      })
      .end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  }
}
