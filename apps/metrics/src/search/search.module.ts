import { Module } from '@nestjs/common';
import { SearchFeed } from './search-feed';
import { SearchResolver } from './search.resolver';

/** The portal's cross-domain search: an in-memory index per process, fed from identity_search. */
@Module({ providers: [SearchFeed, SearchResolver] })
export class SearchModule {}
