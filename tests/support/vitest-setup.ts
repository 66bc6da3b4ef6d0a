/** Set-up for every vitest test file: its temporary folders are removed once its tests are done. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir';

afterAll(removeTempDirs);
