/**
 * Import an issue: choose or drop a file (or arrive from File › Import issue… with it staged),
 * follow the reading with a progress bar and a cancel button, review what was found and correct
 * the issue's facts, then save it into the library. `data-import-state` says where it stands.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  IMPORT_CHUNK_BYTES,
  MAX_IMPORT_BYTES,
  type Corrections,
  type ImportJob,
  type IssueDraft,
  type ReviewWarning,
} from '../../../common/contract/import.std';
import { dayLabel, issueDateLabel } from '../format/format.dom';
import { api } from '../api/client.dom';
import { Screen } from '../app/Screen.dom';
import { useMainText } from '../i18n/main-text.dom';
import { useIsOne } from '../i18n/plural.dom';
import { correctionsOf, stageAfterJob, toBase64, type Reviewing, type Stage } from './state/import-job.std';

const READY = { state: 'ready' as const, value: null };
/** How often the screen asks how a running job is doing. */
const POLL_MS = 120;

/**
 * The import's job, from the file to the review: sends the file in chunks, starts the analysis
 * (again with a reviewer's corrections), follows it until it ends, and cancels it. A file staged by
 * File › Import issue… (`?upload=`) is followed at once.
 */
function useImportJob() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const cancelled = useRef(false);

  const { say, sayError } = useMainText();
  const fail = (error: unknown, uploadId?: string) =>
    setStage({ name: 'failed', message: sayError(error), ...(uploadId ? { uploadId } : {}) });

  async function follow(uploadId: string, corrections?: Corrections, reviewing?: Reviewing) {
    cancelled.current = false;
    const { jobId } = await api.import.analyse({ uploadId, ...(corrections ? { corrections } : {}) });
    let job = await api.import.progress({ jobId });
    while (job.state === 'running') {
      // A correction is checked with the review kept on screen: replaced by the progress, the form
      // would come back with the draft's values, losing what the reviewer typed if it is refused.
      if (!reviewing) setStage({ name: 'reading', uploadId, job });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await api.import.progress({ jobId });
    }
    setStage(stageAfterJob(job, uploadId, reviewing, say, t('The file could not be read.')));
  }

  async function send(file: File) {
    if (file.size === 0) return fail(new Error(t('{{name}} is empty.', { name: file.name })));
    if (file.size > MAX_IMPORT_BYTES)
      return fail(
        new Error(
          t('{{name}} is larger than {{mb}} MB: Valise does not import it.', {
            name: file.name,
            mb: MAX_IMPORT_BYTES / 1048576,
          }),
        ),
      );
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { uploadId } = await api.import.begin({ name: file.name, size: bytes.length });
      cancelled.current = false;
      for (let index = 0, at = 0; at < bytes.length; index++, at += IMPORT_CHUNK_BYTES) {
        if (cancelled.current) return setStage({ name: 'choose' });
        setStage({ name: 'sending', file: file.name, sent: at, size: bytes.length });
        await api.import.chunk({ uploadId, index, data: toBase64(bytes.subarray(at, at + IMPORT_CHUNK_BYTES)) });
      }
      await follow(uploadId);
    } catch (error) {
      fail(error);
    }
  }

  const staged = params.get('upload');
  useEffect(() => {
    if (staged) follow(staged).catch(fail);
  }, [staged]);

  const cancel = async () => {
    cancelled.current = true;
    if (stage.name === 'reading') await api.import.cancel({ jobId: stage.job.jobId });
  };
  /** Analyses the reviewed file again with the reviewer's corrections; a refused correction keeps the review. */
  const correct = (reviewing: Reviewing, corrections: Corrections) =>
    follow(reviewing.uploadId, corrections, reviewing).catch((e: unknown) => fail(e, reviewing.uploadId));

  return { stage, setStage, send, cancel, correct };
}

export function ImportScreen() {
  const { t } = useTranslation();
  const { stage, setStage, send, cancel, correct } = useImportJob();
  const restart = () => setStage({ name: 'choose' });
  return (
    <Screen name="import" title={t('Import an issue')} loaded={READY}>
      {() => (
        <div className="import" data-import-state={stage.name}>
          <header className="screen-header">
            <h1>{t('Import an issue')}</h1>
            <p className="quiet">
              {t(
                'A new issue as a PDF or as text, or a signed .valise pack from your office. It is added to your own library, never to the archive Valise came with.',
              )}
            </p>
          </header>
          {stage.name === 'choose' && <Chooser onFile={(f) => void send(f)} />}
          {(stage.name === 'sending' || stage.name === 'reading') && (
            <Progress stage={stage} onCancel={() => void cancel()} />
          )}
          {stage.name === 'review' && (
            <Review
              job={stage.job}
              refused={stage.refused}
              onCorrect={(c) => correct(stage, c)}
              onSaved={(keys) => setStage({ name: 'saved', keys })}
              onDiscard={restart}
            />
          )}
          {stage.name === 'saved' && <Saved keys={stage.keys} onAnother={restart} />}
          {stage.name === 'failed' && (
            <Failed
              message={stage.message}
              saysNothingChanged={stage.saysNothingChanged ?? false}
              onAnother={restart}
            />
          )}
        </div>
      )}
    </Screen>
  );
}

/** The issues saved, each with a link to open it. */
function Saved({ keys, onAnother }: { keys: string[]; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="notice">
      <p>{t('Saved to your library. It is listed, searchable and can be bookmarked now.')}</p>
      <ul>
        {keys.map((key) => (
          <li key={key}>
            <Link to={`/issue/${key}`}>{t('Open the issue')}</Link> <code>{key}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onAnother}>
        {t('Import another file')}
      </button>
    </div>
  );
}

/** The file refused, with the reason; nothing changed, said once (a pack's refusal says it itself). */
function Failed({
  message,
  saysNothingChanged,
  onAnother,
}: {
  message: string;
  saysNothingChanged: boolean;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="problem">
      <h2>{t('This file was not imported')}</h2>
      <p>{message}</p>
      {!saysNothingChanged && <p className="quiet">{t('Nothing in your library was changed.')}</p>}
      <button type="button" onClick={onAnother}>
        {t('Choose another file')}
      </button>
    </div>
  );
}

function Chooser({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <p>{t('Drop the file here, or')}</p>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        {t('Choose a file…')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".pdf,.txt,.valise,application/pdf,text/plain"
        hidden
        aria-label={t('Newsletter file')}
        onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
      />
      <p className="quiet">
        {t('PDF, text or .valise, up to {{mb}} MB. A scanned PDF cannot be read: Valise needs the PDF’s text.', {
          mb: MAX_IMPORT_BYTES / 1048576,
        })}
      </p>
    </div>
  );
}

function Progress({
  stage,
  onCancel,
}: {
  stage: Extract<Stage, { name: 'sending' | 'reading' }>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  let label: string;
  let value: number | undefined;
  let max = 1;
  if (stage.name === 'sending') {
    label = t('Opening {{name}}…', { name: stage.file });
    [value, max] = [stage.sent, stage.size];
  } else if (stage.job.step === 'reading' && stage.job.total > 0) {
    label = t('Reading page {{done}} of {{total}}…', { done: stage.job.done, total: stage.job.total });
    [value, max] = [stage.job.done, stage.job.total];
  } else {
    label = stage.job.step === 'checking' ? t('Checking the signature…') : t('Finding sections, people and events…');
  }
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">{label}</label>
      <progress id="import-progress" max={max} {...(value !== undefined ? { value } : {})} />
      <button type="button" onClick={onCancel}>
        {t('Cancel')}
      </button>
    </div>
  );
}

function Review({
  job,
  refused,
  onCorrect,
  onSaved,
  onDiscard,
}: {
  job: ImportJob;
  refused?: string | undefined;
  onCorrect: (c: Corrections) => void;
  onSaved: (keys: string[]) => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const isOne = useIsOne();
  const preview = job.preview!;
  const { sayError } = useMainText();
  const [problem, setProblem] = useState<string | null>(null);
  const duplicate = preview.issues.find((i) => i.duplicate)?.duplicate ?? null;
  const [choice, setChoice] = useState<'replace' | 'keep-both'>(
    duplicate && !duplicate.bundled ? 'replace' : 'keep-both',
  );
  const unaccounted = preview.issues.some((d) => (d.words?.unaccounted.length ?? 0) > 0);
  const [confirmed, setConfirmed] = useState(false);
  const save = async () => {
    try {
      onSaved(
        (
          await api.import.save({
            jobId: job.jobId,
            ...(duplicate ? { onDuplicate: choice } : {}),
            ...(unaccounted ? { confirmUnaccounted: confirmed } : {}),
          })
        ).keys,
      );
    } catch (error) {
      setProblem(sayError(error));
    }
  };
  return (
    <div className="review">
      <p className="quiet">
        {preview.kind === 'pack'
          ? t(
              isOne(preview.issues.length)
                ? '{{name}}: a pack of {{count}} issue, signed with key {{signer}}, which you trust.'
                : '{{name}}: a pack of {{count}} issues, signed with key {{signer}}, which you trust.',
              { name: preview.sourceName, count: preview.issues.length, signer: preview.signer },
            )
          : preview.pages
            ? t('{{name}}: {{pages}} pages read.', { name: preview.sourceName, pages: preview.pages })
            : preview.sourceName}
      </p>
      {refused && (
        <p role="alert" className="problem" data-refused-correction>
          {refused}
        </p>
      )}
      {preview.issues.map((draft) => (
        <DraftReview key={draft.key} draft={draft} editable={preview.kind !== 'pack'} onCorrect={onCorrect} />
      ))}
      {duplicate && (
        <fieldset className="duplicate" role="group">
          <legend>{t('“{{title}}” is already in your library.', { title: duplicate.title })}</legend>
          <label>
            <input
              type="radio"
              name="duplicate"
              checked={choice === 'replace'}
              disabled={duplicate.bundled}
              onChange={() => setChoice('replace')}
            />{' '}
            {t('Replace it')}
            {duplicate.bundled && (
              <span className="quiet"> {t('(an issue that came with Valise cannot be replaced)')}</span>
            )}
          </label>
          <label>
            <input
              type="radio"
              name="duplicate"
              checked={choice === 'keep-both'}
              onChange={() => setChoice('keep-both')}
            />{' '}
            {t('Keep both')}
          </label>
        </fieldset>
      )}
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {unaccounted && (
        <label className="confirm-unaccounted">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
          {t('I have looked at the words not accounted for: save the issue anyway')}
        </label>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={unaccounted && !confirmed} onClick={() => void save()}>
          {t('Save to library')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('Discard')}
        </button>
      </div>
    </div>
  );
}

const LISTS = [
  ['people', 'People'],
  ['organisations', 'Organisations'],
  ['events', 'Events'],
  ['figures', 'Figures'],
  ['contacts', 'Contacts'],
] as const;

/**
 * What the PDF's layout found by position, in the interface language: side boxes, page numbers, and
 * apart from them the running header or footer lines left out (a page number is not one of those).
 */
function LayoutFound({ layout }: { layout: NonNullable<IssueDraft['layout']> }) {
  const { t } = useTranslation();
  const isOne = useIsOne();
  const { boxes, pageNumbers, runningHeaders } = layout;
  const parts = [
    t(isOne(boxes) ? '{{count}} side box found by position' : '{{count}} side boxes found by position', {
      count: boxes,
    }),
    t(isOne(pageNumbers) ? '{{count}} page number found by position' : '{{count}} page numbers found by position', {
      count: pageNumbers,
    }),
  ];
  if (runningHeaders > 0)
    parts.push(
      t(isOne(runningHeaders) ? '{{count}} running header line left out' : '{{count}} running header lines left out', {
        count: runningHeaders,
      }),
    );
  return <p className="quiet layout-found">{parts.join(' · ')}</p>;
}

function DraftReview({
  draft,
  editable,
  onCorrect,
}: {
  draft: IssueDraft;
  editable: boolean;
  onCorrect: (c: Corrections) => void;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="draft"
      aria-label={t('What was found in {{title}}', { title: draft.title })}
      data-draft={draft.key}
    >
      {draft.words && <WordsFound words={draft.words} />}
      {draft.warnings && draft.warnings.length > 0 && <Warnings warnings={draft.warnings} />}
      <DraftFacts draft={draft} editable={editable} onCorrect={onCorrect} />
      <div className="draft-found">
        <div>
          <DraftSections sections={draft.sections} />
          {draft.words && <PagesFound words={draft.words} />}
        </div>
        <div>
          <DraftLists draft={draft} />
          {draft.layout ? (
            <LayoutFound layout={draft.layout} />
          ) : (
            draft.found.length > 0 && <p className="quiet">{draft.found.join(' · ')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** The issue's facts as read, in a form the reviewer corrects (read-only for a pack). */
function DraftFacts({
  draft,
  editable,
  onCorrect,
}: {
  draft: IssueDraft;
  editable: boolean;
  onCorrect: (c: Corrections) => void;
}) {
  const { t, i18n } = useTranslation();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    onCorrect(correctionsOf((name) => String(form.get(name) ?? '').trim(), draft.title));
  };
  return (
    <form className="draft-facts" onSubmit={submit}>
      <label>
        {t('Title')}
        <input name="title" defaultValue={draft.title} readOnly={!editable} required />
      </label>
      <label>
        {t('Number')}
        <input name="number" type="number" min={1} defaultValue={draft.number ?? ''} readOnly={!editable} />
      </label>
      <label>
        {t('Year')}
        <input
          name="year"
          type="number"
          min={1990}
          max={2100}
          defaultValue={draft.year}
          readOnly={!editable}
          required
        />
      </label>
      <label>
        {t('Date')}
        <input
          name="date"
          defaultValue={draft.date ?? ''}
          placeholder={t('YYYY-MM (not found)')}
          pattern="\d{4}(-\d{2}(-\d{2})?)?"
          readOnly={!editable}
          aria-describedby={`${draft.key}-date-read`}
        />
        <span className="quiet" id={`${draft.key}-date-read`}>
          {draft.date
            ? t('read as {{date}}', { date: issueDateLabel({ date: draft.date, year: draft.year }, i18n.language) })
            : t('no date found: type one, or leave it empty')}
        </span>
      </label>
      <label>
        {t('First page')}
        <input name="firstPage" type="number" min={1} defaultValue={draft.firstPage} readOnly={!editable} required />
      </label>
      {editable && <button type="submit">{t('Apply corrections')}</button>}
      <p className="quiet">
        {t('Key')} <code>{draft.key}</code>
      </p>
    </form>
  );
}

/** The sections found, each opening on its text paragraph by paragraph. */
function DraftSections({ sections }: { sections: IssueDraft['sections'] }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('{{count}} sections', { count: sections.length })}</h2>
      <ol className="draft-sections">
        {sections.map((s) => (
          <li key={s.key}>
            <details>
              <summary>
                {s.kicker && <span className="kicker">{s.kicker} </span>}
                {s.title || <em>{t('(untitled section)')}</em>}{' '}
                <span className="quiet">
                  {t('p. {{page}} · {{count}} paragraphs', { page: s.page, count: s.paragraphs })}
                </span>
              </summary>
              <div className="draft-text">
                {s.texts?.map((p, i) => (
                  <p key={i} data-kind={p.kind}>
                    <span className="quiet">
                      {t(KIND_LABELS[p.kind] ?? 'Paragraph')} · {t('p. {{page}}', { page: p.page })} ·{' '}
                    </span>
                    {p.text}
                  </p>
                ))}
              </div>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The people, organisations, events, figures and contacts found, a list each (the people open). */
function DraftLists({ draft }: { draft: IssueDraft }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {LISTS.map(([field, label]) => (
        <details key={field} open={field === 'people'}>
          <summary>
            {t(label)} <span className="count">{draft[field].length}</span>
          </summary>
          <ul>
            {draft[field].map((item) => (
              <li key={item.key}>
                {item.name}
                {item.detail && (
                  <span className="quiet">
                    {' '}
                    — {ISO_DAY.test(item.detail) ? dayLabel(item.detail, i18n.language) : item.detail}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Each paragraph kind of the pipeline (db/pipeline/issue/paragraphs.std.ts), as the review names it. */
const KIND_LABELS: Record<string, string> = {
  paragraph: 'Paragraph',
  subheading: 'Subheading',
  deck: 'Standfirst',
  dateline: 'Dateline',
  bullet: 'Bullet',
  'list-item': 'List item',
  question: 'Question',
  quote: 'Quote',
  attribution: 'Attribution',
  caption: 'Caption',
  link: 'Link',
  'key-figures': 'Key figures',
  'calendar-heading': 'Calendar heading',
  calendar: 'Calendar',
  contact: 'Contact',
  box: 'Box',
};

/** Why text was left out (the layout's and the masthead's reasons), as the review names it. */
const REASON_LABELS: Record<string, string> = {
  'running header or footer': 'Running header or footer',
  'page number': 'Page number',
  'footnote mark': 'Footnote mark',
  masthead: 'Masthead',
};

/** Every word of the file accounted for: kept, left out by reason and page, and what is in neither. */
function WordsFound({ words }: { words: NonNullable<IssueDraft['words']> }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    words.total ? (100 * words.kept) / words.total : 100,
  );
  const unaccounted = words.unaccounted.reduce((n, u) => n + u.words, 0);
  return (
    <div className="words-found" data-words-kept={words.kept} data-words-total={words.total}>
      <p>
        <strong>
          {t('Kept {{kept}} of {{total}} words ({{percent}} %)', { kept: words.kept, total: words.total, percent })}
        </strong>
      </p>
      {words.dropped.length > 0 && (
        <details>
          <summary>{t('Left out: {{count}} words', { count: words.total - words.kept - unaccounted })}</summary>
          <ul>
            {words.dropped.map((d) => (
              <li key={d.reason}>
                {t(REASON_LABELS[d.reason] ?? 'Other')} —{' '}
                {t('{{count}} words, p. {{pages}}', {
                  count: d.words,
                  pages: [...new Set(d.lines.map((l) => l.page))].join(', '),
                })}
                <span className="quiet"> · {[...new Set(d.lines.map((l) => l.text))].slice(0, 3).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {unaccounted > 0 && (
        <div role="alert" className="problem" data-unaccounted={unaccounted}>
          <p>
            {t('{{count}} words are in no section and were not left out as page furniture:', { count: unaccounted })}
          </p>
          <ul>
            {words.unaccounted.map((u, i) => (
              <li key={i}>
                {t('p. {{page}}', { page: u.page })} · {u.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Each page with what came out of it: the sections that open there, the words kept and left out. */
function PagesFound({ words }: { words: NonNullable<IssueDraft['words']> }) {
  const { t } = useTranslation();
  return (
    <table className="pages-found">
      <caption>{t('What each page gave')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('Page')}</th>
          <th scope="col">{t('Sections opening')}</th>
          <th scope="col">{t('Words kept')}</th>
          <th scope="col">{t('Words left out')}</th>
        </tr>
      </thead>
      <tbody>
        {words.pages.map((p) => (
          <tr key={p.page} className={p.kept === 0 || p.unaccounted > 0 ? 'warn' : undefined}>
            <th scope="row">{p.page}</th>
            <td>{p.sections.map((title) => title || t('(untitled section)')).join(' · ')}</td>
            <td>{t('{{kept}} of {{total}}', { kept: p.kept, total: p.total })}</td>
            <td>{p.dropped + p.unaccounted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A warning in the interface language: what looks wrong, and where to look. */
function warningText(w: ReviewWarning, t: TFunction): string {
  switch (w.kind) {
    case 'unaccounted':
      return t('{{count}} words are in no section: look at page {{page}}.', { count: w.subject, page: w.page });
    case 'title-is-person':
      return t('The title “{{title}}” looks like a person’s name, not the issue’s title.', { title: w.subject });
    case 'number-not-read':
      return t('The first page prints “{{number}}” but no number was read: check the Number field.', {
        number: w.subject,
      });
    case 'page-without-text':
      return t('Nothing of page {{page}} was kept ({{count}} words).', { page: w.page, count: w.subject });
    case 'untitled-section':
      return t('A section on page {{page}} has no title: it opens with “{{start}}”.', {
        page: w.page,
        start: w.subject,
      });
    case 'event-title-is-date':
      return t('An event is titled “{{title}}”, a date rather than what happens.', { title: w.subject });
    case 'zero-figure':
      return t('A figure reads as zero: “{{figure}}”.', { figure: w.subject });
  }
}

function Warnings({ warnings }: { warnings: ReviewWarning[] }) {
  const { t } = useTranslation();
  return (
    <div className="review-warnings" role="status">
      <h2>{t('To look at before saving')}</h2>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-warning={w.kind}>
            {warningText(w, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
