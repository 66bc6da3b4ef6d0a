// Prints calendar.html to PDF with Chromium (#29): Playwright's page.pdf on Debian's /usr/bin/chromium,
// with the page's header and footer. Usage: node build.mjs (from the project, where Playwright is installed).
import { chromium } from 'playwright';
import { join } from 'node:path';

const here = import.meta.dirname;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  await page.goto(`file://${join(here, 'calendar.html')}`);
  await page.pdf({
    path: join(here, 'calendar.pdf'),
    format: 'A4',
    margin: { top: '2.2cm', bottom: '2cm', left: '2cm', right: '2cm' },
    displayHeaderFooter: true,
    headerTemplate:
      '<div style="font-size:8pt;width:100%;text-align:center">Permanent Mission of France to the OSCE</div>',
    footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
  });
} finally {
  await browser.close();
}
