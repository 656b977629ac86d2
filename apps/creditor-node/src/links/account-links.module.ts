import { Module } from '@nestjs/common';
import { AccountLinkService } from './account-link.service.js';
import { AccountLinksController } from './account-links.controller.js';

/** Account linking, asked by the coordinator only (link token); not part of any GraphQL endpoint. */
@Module({ controllers: [AccountLinksController], providers: [AccountLinkService] })
export class AccountLinksModule {}
