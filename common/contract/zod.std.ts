/**
 * zod, as every process of Valise uses it: the only module that imports the package (the boundary
 * lint refuses it elsewhere), so that its set-up runs before any schema is built.
 *
 * `jitless`: zod would compile a fast parser with `new Function` where it may, and to find out it
 * tries `new Function('')` as each object schema is built. The page's Content Security Policy has
 * no 'unsafe-eval', so in the renderer the try throws (zod falls back to its interpreter) and the
 * browser reports a `securitypolicyviolation` for a script that did nothing wrong. Without the JIT
 * no process generates code at run time; the schemas here check small messages, where it saves
 * nothing that matters.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
