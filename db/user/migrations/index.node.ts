/** Every migration of the user database, in order. Migrations are kept forever: never edit one that shipped. */
import type { Migration } from '../migrate.node';
import { migration as bookmarks } from './0001-bookmarks.node';
import { migration as importedIssues } from './0002-imported-issues.node';
import { migration as builtIssues } from './0003-built-issues.node';
import { migration as shardDocuments } from './0004-shard-documents.node';

export const MIGRATIONS: readonly Migration[] = [bookmarks, importedIssues, builtIssues, shardDocuments];
