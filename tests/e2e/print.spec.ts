/**
 * Printed summaries, as PDF through Chromium: the expected titles, dates, figures and contacts are
 * there, in order, within a page count; every summary sentence is the newsletter's own.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Valise } from './support/fixtures';

async function printToPdf(
  valise: Valise,
  route: string,
  screen: string,
  name: string,
): Promise<{ text: string; pages: number; file: string }> {
  await valise.open(route, screen);
  await valise.page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath(`${name}.pdf`);
  await valise.page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, test.info().outputPath(name)]);
  return { text, pages, file };
}

function inOrder(text: string, parts: string[]) {
  // Headings print in capitals: compare without case.
  const flat = text.replace(/\s+/g, ' ').toLowerCase();
  let at = 0;
  for (const part of parts.map((p) => p.toLowerCase())) {
    const found = flat.indexOf(part, at);
    expect(found, `“${part}” after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
  }
}

test('an issue brief: title, date, sections in order, key figures, contacts, events, on two pages at most', async ({
  valise,
}) => {
  const { text, pages } = await printToPdf(valise, '/print/issue/2018-no-10', 'print-issue', 'brief-2018');
  inOrder(text, [
    'France’s multilateral commitment in the fight against human trafficking',
    'No. 10',
    'PERSPECTIVES ON MULTILATERALISM',
    'the seminar organised by UNODC in Chisinau',
    'Contact',
    'Key figures',
    '€1,830,000',
    'Contacts',
    'caroline-marie.charpentier@diplomatie.gouv.fr',
    'Coming events',
    '25 – 28 September 2018',
    'Past events',
  ]);
  expect(pages).toBeLessThanOrEqual(2);
  expect(text).toMatch(/1 \/ 2|1 \/ 1/);
});

/**
 * Each issue's brief, written out from the newsletter (assets/newsletters/*.txt) by the rule in
 * docs/interface.md (“How a brief is chosen”): the issue's own summary, where its first section has
 * passages pointing to pages, printed whole; then, for each other section, the first sentence of
 * its first passage of running text (an interview's question is not running text: its answer is),
 * and the next one only when the first is under 60 characters, which none of these is. A section
 * with no running text (the cover, the contact box) has none.
 */
const BRIEFS: Record<string, string[]> = {
  // 000_1e644c5006785efa.txt: the tenth issue, whose first section is its own summary.
  '2018-no-10': [
    'The tenth issue of the quarterly “Fight against human trafficking in South-East Europe” newsletter focuses on the question of multilateralism, and more specifically the multilateral strategy implemented by France to combat human trafficking.',
    'French representatives have repeatedly underlined the limitations, issues and challenges surrounding multilateralism. page 3',
    'At UNODC, multilateralism means opening discussions, dialogue and negotiations between multiple countries to facilitate a coordinated and effective response to current world issues. Last May, during the 26th session of the Commission on Crime Prevention and Criminal Justice in Vienna, France actively contributed to the adoption of a FrancoRomanian resolution on human trafficking. page 6',
    'Another facet of multilateralism is the development of cooperation projects. France’s collaboration with the United Nations Office on Drugs and Crime’s Human Trafficking and Migrant Smuggling section is one example. page 8',
    'In terms of reflecting on and contributing to identifying good practices and trends relating to the exploitation of persons and their protection, the French delegation regularly participates in human trafficking and migrant smuggling working groups organised by the United Nations Office. page 10',
    'Finally, multilateralism would not survive without constant cooperation to ensure that the instruments negotiated are enforced. Organising seminars and conferences strengthens technical cooperation. For example, technical and judicial cooperation carried out in South-East Europe, the South Caucasus region and Central Asia to combat human trafficking is facilitating effective and strengthened cooperation on the ground involving various stakeholders. page 11',
    'This issue focuses on highlighting France’s action within the United Nations against human trafficking. Particularly noteworthy is the relevant inter-agency expertise developed in parallel by France as part of various organisations such as the Organization for Security and Cooperation in Europe (OSCE) and the International Centre for Migration Policy Development (ICMPD), both of which boast advanced activity and research centres for the fight against human trafficking.',
    // Three questions to Yuri Fedotov: the first answer.
    'The resolutions adopted by Member States at the May 2018 session of the Commission on Crime Prevention and Criminal Justice show their commitment and resolve to prevent and fight this abject crime, which violates core human rights and human dignity.',
    'From 14-18 May 2018, Vienna hosted the twenty-seventh Commission on Crime Prevention and Criminal Justice on the topic of cybercrime.',
    'Outside of the 27th CCPCJ, France co-sponsored several parallel events.',
    'UNODC Human Trafficking and Migrant Smuggling Section serves as a center of global expertise in responding to the trafficking in persons and the smuggling of migrants.',
    'From 2-5 July, hosted working groups on trafficking in persons (8th session) and migrant smuggling (5th session) respectively focussing on the implementation of the additional protocol from the Palermo Convention aiming to prevent, suppress and punish trafficking in persons, especially women and children, and the protocol against the smuggling of migrants by land, sea and air.',
    'From 5-7 June 2018, Moldova hosted an interregional seminar as part of which the major regional and bilateral stakeholders discussed the best approach for strengthening international cooperation to combat human trafficking.',
  ],
  // 003_6d049a98c5d0dabf.txt: March 2021, with no summary of its own.
  '2021-the-2021-programming-of-cooperation': [
    'Trafficking in human beings is one of the worst possible crimes and a serious affront to human dignity.',
    'Since the adoption in June 2014 of an inter-ministerial cooperation strategy to combat human trafficking in South-Eastern Europe, an inter-ministerial steering committee is set up each year by the Ministry of Europe and Foreign Affairs to take stock of the actions implemented and examine the plans for the following year.',
    'The proposed activities are structured around several priorities identified at national level.',
    'Trafficking in human beings for the purpose of sexual exploitation is a form of violence against women.',
    'This diplomatic initiative was officially launched on 8 March 2019, on the occasion of International Women’s Rights Day, by French Foreign Minister Jean-Yves Le Drian and his then Swedish counterpart Margot Wallström.',
    'After the migration crisis of 2015, the de facto closure of the “Balkan route” in March 2016 reduced the possibility for migrants to continue their journey legally to EU countries.',
    'The interrelated phenomena of labour market flexibilisation and massive recourse to subcontracting, coupled with the lack of safe and regular channels for migrants, contribute worryingly to trafficking in human beings for the purpose of labour exploitation.',
    'The assistance to and protection of victims of trafficking in persons is addressed by Article 6 of the First Protocol to the United Nations Convention against Transnational Organized Crime.',
    'On 3 and 4 March 2021, a regional expert group meeting was held to discuss the right to justice and effective remedies for victims of human trafficking.',
    'As stated by the UNODC Global Report on Trafficking in Persons 2020 – released last month – globally, about one in every three trafficking victims detected is a child.',
    'The meeting was held online on 26, 27 and 28 January of this year to discuss the achievements of the last two decades, which have seen the adoption of the 1st Additional Protocol to the UN Convention against Transnational Organized Crime and the creation of the National Anti-trafficking Coordinators of South-Eastern Europe.',
    'The Congress is the world’s largest gathering in the field of crime prevention and criminal justice.',
    'At the side event marking the 10-year anniversary of the United Nations Voluntary Trust Fund for Victims of Trafficking in Persons (UNVTF), participants highlighted both the achievements of the Fund and the cooperation between UNODC and Member States in providing direct assistance to victims of trafficking.',
  ],
};

test('every sentence of a brief is the newsletter’s own, chosen by the rule', async ({ valise }) => {
  for (const [key, expected] of Object.entries(BRIEFS)) {
    await valise.open(`/print/issue/${key}`, 'print-issue');
    const sentences = await valise.page.locator('.summary-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(5);
    const reply = (await valise.rawInvoke('content:getIssue', { key })) as {
      value: { sections: { paragraphs: { text: string }[] }[] };
    };
    const archive = reply.value.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    for (const sentence of sentences)
      expect(
        archive.some((p) => p.includes(sentence)),
        sentence,
      ).toBe(true);
    // The sentences the rule picks from the newsletter, in the issue's order: the same every time.
    expect(sentences, key).toEqual(expected);
  }
});

test('an article prints as read, with its boxes', async ({ valise }) => {
  const { text, pages } = await printToPdf(
    valise,
    '/print/read/2018-no-10/the-seminar-organised-by-unodc-in',
    'article',
    'article-chisinau',
  );
  inOrder(text, [
    'the seminar organised by UNODC in Chisinau',
    'From 5-7 June 2018, Moldova hosted',
    'En bref',
    '16-19 April',
    'À venir',
    '30 October - 2 November',
  ]);
  expect(pages).toBeLessThanOrEqual(3);
  expect(text).not.toContain('Skip to content');
  expect(text).not.toContain('Bookmark');
});

test('a person’s page prints', async ({ valise }) => {
  const { text } = await printToPdf(valise, '/print/entity/person/caroline-charpentier', 'entity', 'person');
  inOrder(text, [
    'Caroline Charpentier',
    'French magistrate in charge of coordinating',
    'caroline-marie.charpentier@diplomatie.gouv.fr',
  ]);
});

test('a trip dossier gathers the bookmarks of a tag: people with contacts, events in date order, notes, passages with their source', async ({
  valise,
}) => {
  const add = async (key: string, note = '') => {
    const reply = (await valise.rawInvoke('bookmarks:add', { key })) as { value: { id: number } };
    await valise.rawInvoke('bookmarks:update', { id: reply.value.id, tags: ['Tirana trip'], note });
  };
  await add('person/caroline-charpentier', 'Call before leaving');
  await add('event/2018-09-25-follow-up-to-technical-cooperation');
  await add('event/2018-06-05-an-interregional-seminar', 'Ask about the **recommendations**');
  await add('2018-no-10/the-seminar-organised-by-unodc-in/from-5-7-june-2018');
  await valise.rawInvoke('bookmarks:add', { key: 'person/ghada-waly' });
  const { text, pages } = await printToPdf(valise, '/print/dossier?tag=Tirana+trip', 'print-dossier', 'dossier');
  inOrder(text, [
    'Trip dossier',
    'Caroline Charpentier',
    'caroline-marie.charpentier@diplomatie.gouv.fr',
    'Call before leaving',
    'Events',
    '5',
    'June 2018',
    'an interregional seminar',
    'recommendations',
    '25',
    'September 2018',
    'Passages',
    'From 5-7 June 2018, Moldova hosted',
    'page 11',
  ]);
  expect(text).not.toContain('Ghada Waly');
  expect(pages).toBeLessThanOrEqual(2);
});

test('a dossier with no matching bookmark says so instead of printing an empty page', async ({ valise }) => {
  await valise.open('/print/dossier?tag=nowhere', 'print-dossier');
  await expect(valise.page.getByRole('status')).toContainText('nothing to print');
  await expect(valise.page.getByRole('button', { name: 'Print…' })).toHaveCount(0);
});

test('the preview offers paper size and orientation', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/print/issue/2018-no-10', 'print-issue');
  await page.getByLabel('Paper').selectOption('letter');
  await page.getByLabel('Orientation').selectOption('landscape');
  await expect(page.locator('.print-preview')).toHaveClass(/paper-letter/);
  const file = test.info().outputPath('letter.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
  expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([792, 612]);
});
