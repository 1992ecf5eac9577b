import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { AllowTicket, CurrentUser, RequireRole } from '../auth/auth.decorators';
import { parseInput } from '../errors/zod-input';
import { ArtifactLinksService } from './artifact-links.service';
import { JobAccessService } from './job-access.service';
import { JobCancelService } from './job-cancel.service';
import { jobView } from './job-view';
import type { JobView } from './job-view';
import { JobsListService } from './jobs-list.service';
import type { JobsListBody } from './jobs-list.service';
import { jobsQuerySchema } from './jobs-query.schema';

@Controller('jobs')
export class JobsController {
  constructor(
    private readonly access: JobAccessService,
    private readonly listing: JobsListService,
    private readonly cancelling: JobCancelService,
    private readonly links: ArtifactLinksService,
  ) {}

  /** `GET /jobs?status=&limit=` (a bare array) or `?status=&page=&size=` (a page); `X-Total-Count` either way. */
  @Get()
  async list(@Query() query: unknown, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<JobsListBody> {
    const { body, total } = await this.listing.list(parseInput(jobsQuerySchema, query, 'query'), user);
    res.setHeader('X-Total-Count', String(total));
    return body;
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<JobView> {
    return jobView(await this.access.find(id, user));
  }

  /** 202 with the job when its worker is told to stop, 200 when it is cancelled at once (no worker had it); 409 once it ended. */
  @Post(':id/cancel')
  @RequireRole('publisher')
  async cancel(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { status, job } = await this.cancelling.cancel(id, user);
    res.status(status).json(job);
  }

  /** 302 to a signed, short-lived download link, with `{download_url, expires_at}` for clients that do not follow it. */
  @Get(':id/artifact')
  @AllowTicket()
  async artifact(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const link = await this.links.link(id, user);
    res.status(302).location(link.download_url).json(link);
  }
}
