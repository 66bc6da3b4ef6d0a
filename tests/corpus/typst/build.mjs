// Typesets the .typ files here with Typst through npm's @myriaddreamin/typst-ts-node-compiler (#29).
// Usage: TYPST_COMPILER=<path to the package> node build.mjs (tests/corpus/build.sh sets it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { NodeCompiler } = await import(join(process.env.TYPST_COMPILER, 'index.js'));
const here = import.meta.dirname;
const compiler = NodeCompiler.create();
for (const name of ['issue-27', 'hyphens']) {
  writeFileSync(
    join(here, `${name}.pdf`),
    compiler.pdf({ mainFileContent: readFileSync(join(here, `${name}.typ`), 'utf8') }),
  );
}
