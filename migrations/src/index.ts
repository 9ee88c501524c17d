import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123133012 } from './Migration20261123133012.js';
import { Migration20261123140231 } from './Migration20261123140231.js';
import { Migration20261127004500 } from './Migration20261127004500.js';
import { Migration20261127014439 } from './Migration20261127014439.js';
import { Migration20261127014500 } from './Migration20261127014500.js';
import { Migration20261127020000 } from './Migration20261127020000.js';
import { Migration20261127100000 } from './Migration20261127100000.js';
import { Migration20261127120000 } from './Migration20261127120000.js';
import { Migration20261127130000 } from './Migration20261127130000.js';
import { Migration20261127140000 } from './Migration20261127140000.js';
import { Migration20261127141000 } from './Migration20261127141000.js';
import { Migration20261127150000 } from './Migration20261127150000.js';
import { Migration20261128010000 } from './Migration20261128010000.js';
import { Migration20261128030000 } from './Migration20261128030000.js';
import { Migration20261128040000 } from './Migration20261128040000.js';
import { Migration20261128050000 } from './Migration20261128050000.js';
import { Migration20261128060000 } from './Migration20261128060000.js';
import { Migration20261128070000 } from './Migration20261128070000.js';
import { Migration20261128080000 } from './Migration20261128080000.js';
import { Migration20261128081000 } from './Migration20261128081000.js';
import { Migration20261129020000 } from './Migration20261129020000.js';
import { Migration20261129030000 } from './Migration20261129030000.js';
import { Migration20261201000000 } from './Migration20261201000000.js';
import { Migration20261201010000 } from './Migration20261201010000.js';
import { Migration20261202000000 } from './Migration20261202000000.js';
import { Migration20261202010000 } from './Migration20261202010000.js';
import { Migration20261204000000 } from './Migration20261204000000.js';

/**
 * Every migration in order. Listed explicitly because, under vitest, MikroORM would look for .ts files
 * on disk that Node cannot import natively. `pnpm migration:create` writes new files; add them here.
 */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123133012', class: Migration20261123133012 },
  { name: 'Migration20261123140231', class: Migration20261123140231 },
  { name: 'Migration20261127004500', class: Migration20261127004500 },
  { name: 'Migration20261127014439', class: Migration20261127014439 },
  { name: 'Migration20261127014500', class: Migration20261127014500 },
  { name: 'Migration20261127020000', class: Migration20261127020000 },
  { name: 'Migration20261127100000', class: Migration20261127100000 },
  { name: 'Migration20261127120000', class: Migration20261127120000 },
  { name: 'Migration20261127130000', class: Migration20261127130000 },
  { name: 'Migration20261127140000', class: Migration20261127140000 },
  { name: 'Migration20261127141000', class: Migration20261127141000 },
  { name: 'Migration20261127150000', class: Migration20261127150000 },
  { name: 'Migration20261128010000', class: Migration20261128010000 },
  { name: 'Migration20261128030000', class: Migration20261128030000 },
  { name: 'Migration20261128040000', class: Migration20261128040000 },
  { name: 'Migration20261128050000', class: Migration20261128050000 },
  { name: 'Migration20261128060000', class: Migration20261128060000 },
  { name: 'Migration20261128070000', class: Migration20261128070000 },
  { name: 'Migration20261128080000', class: Migration20261128080000 },
  { name: 'Migration20261128081000', class: Migration20261128081000 },
  { name: 'Migration20261129020000', class: Migration20261129020000 },
  { name: 'Migration20261129030000', class: Migration20261129030000 },
  { name: 'Migration20261201000000', class: Migration20261201000000 },
  { name: 'Migration20261201010000', class: Migration20261201010000 },
  { name: 'Migration20261202000000', class: Migration20261202000000 },
  { name: 'Migration20261202010000', class: Migration20261202010000 },
  { name: 'Migration20261204000000', class: Migration20261204000000 },
];
