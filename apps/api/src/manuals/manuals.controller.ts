import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequireRole } from '../auth/auth.decorators';
import { ManualsService } from './manuals.service';
import type { ManualsBody, ManualsRefreshBody, SidebarBody } from './manuals.wire';

/** The original's `GET /sidebar` and `GET /manuals`, plus `POST /manuals/refresh` (publishers). */
@Controller()
export class ManualsController {
  constructor(private readonly manuals: ManualsService) {}

  @Get('sidebar')
  sidebar(): SidebarBody {
    return this.manuals.sidebar();
  }

  @Get('manuals')
  list(@Query('selected_solution') selected: unknown): Promise<ManualsBody> {
    return this.manuals.manuals(selected);
  }

  @Post('manuals/refresh')
  @HttpCode(200)
  @RequireRole('publisher')
  refresh(@Query('selected_solution') selected: unknown): Promise<ManualsRefreshBody> {
    return this.manuals.refresh(selected);
  }
}
