/**
 * `npm run --silent cli -- <command>`: the archive from the command line, for people and tools.
 *   dump    the whole archive as JSON on stdout (nothing else)
 *   stats   counts per kind and per issue
 * Exit codes: 0 done, 1 the archive could not be read, 2 bad usage.
 */
import { archiveStats } from '../services/archive-dump.node';
import { openContentService } from '../services/content.node';

const USAGE = `usage: npm run --silent cli -- <command> [options]
commands:
  dump            print the whole archive as JSON
  stats [--json]  counts per kind and per issue
environment: VALISE_CONTENT_DB (default out/content/content.sqlite)`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    (command ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const path = process.env.VALISE_CONTENT_DB ?? 'out/content/content.sqlite';
  let content;
  try {
    content = openContentService(path);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nRun \`npm run build:db\` first.\n`);
    return 1;
  }
  try {
    switch (command) {
      case 'dump':
        process.stdout.write(`${JSON.stringify(content.dump(), null, 2)}\n`);
        return 0;
      case 'stats': {
        const stats = archiveStats(content.dump());
        if (rest.includes('--json')) {
          process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
          return 0;
        }
        const lines = ['Archive', ...Object.entries(stats.totals).map(([k, n]) => `  ${k.padEnd(14)} ${n}`), ''];
        for (const issue of stats.perIssue) {
          lines.push(issue.issue, ...Object.entries(issue).filter(([k]) => k !== 'issue').map(([k, n]) => `  ${k.padEnd(14)} ${n}`), '');
        }
        process.stdout.write(lines.join('\n'));
        return 0;
      }
      default:
        process.stderr.write(`unknown command “${command}”\n${USAGE}\n`);
        return 2;
    }
  } finally {
    content.close();
  }
}

process.exitCode = main(process.argv.slice(2));
