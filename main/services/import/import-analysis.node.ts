/**
 * The pure half of an import (#25): a file read into what the pipeline takes (PDF, text or signed
 * pack), each candidate issue extracted with the reviewer's corrections checked, and what the review
 * shows beside it (its word account and warnings). It holds no state and imports no service: the
 * analysis worker runs it (and so loads neither the import job service nor the library), and so
 * does the import service in-process when there is no worker (the CLI).
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { Corrections, ImportPreview, IssueDraft } from '../../../common/contract/import.std';
import { MAX_IMPORT_BYTES } from '../../../common/contract/import.std';
import { capitalised } from '../../../common/content/capitalised.std';
import { ItemKey } from '../../../common/contract/item-key.std';
import { entitiesOf, type EntityRecord } from '../../../db/pipeline/entities/extract-entities.std';
import { accountWords } from '../../../db/pipeline/accounting.std';
import { ExtractionError, type ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import { sourceFromLayout, type LayoutOverlay } from '../../../db/pipeline/source/pdf-layout.std';
import { decodeSource, SourceError } from '../../../db/pipeline/source/source.node';
import { builtFromOf, extractStored, type StoredIssue } from '../library/imported-issues.node';
import { PACK_HEADER, PackError, readPack } from './packs.node';
import { ImportError } from './import-error.node';
import { checkCorrections } from './review-rules.node';
import { reviewWarnings } from './review-warnings.node';
import { isPdf, readPdfText } from './pdf-text.node';

export type Candidate = Omit<StoredIssue, 'importedAt'>;

export interface Analysed {
  kind: ImportPreview['kind'];
  sourceName: string;
  pages: number | null;
  signer: string | null;
  /** For a PDF or text: one issue, read with the layout overlay, before corrections. */
  candidates: Candidate[];
  layout: LayoutOverlay | null;
}

export type ExtractedWithReview = ReturnType<typeof extractWithReview>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads a file into what the pipeline takes: refuses, with ImportError, what is not an issue. */
export async function analyseFile(
  name: string,
  bytes: Uint8Array,
  options: {
    trustedKeys: Map<string, KeyObject>;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
  },
): Promise<Analysed> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw ImportError.fromCatalogue('too-large', 'import.too-large', {
      size: (bytes.length / 1048576).toFixed(1),
      max: String(MAX_IMPORT_BYTES / 1048576),
    });
  }
  const digest = sha256(bytes);
  if (Buffer.from(bytes.subarray(0, PACK_HEADER.length)).toString('utf8') === PACK_HEADER || /\.valise$/i.test(name)) {
    try {
      const pack = readPack(bytes, options.trustedKeys);
      return { kind: 'pack', sourceName: name, pages: null, signer: pack.signer, layout: null, candidates: pack.items };
    } catch (error) {
      if (error instanceof PackError) throw new ImportError('corrupt', error.message, error.localised);
      throw error;
    }
  }
  if (isPdf(bytes) || /\.pdf$/i.test(name)) {
    const pages = await readPdfText(bytes, options);
    const { text, overlay, pages: count } = sourceFromLayout(pages);
    return {
      kind: 'pdf',
      sourceName: name,
      pages: count,
      signer: null,
      layout: overlay,
      candidates: [{ key: '', title: '', sourceName: name, sourceKind: 'pdf', sourceSha256: digest, text, overlay }],
    };
  }
  let text: string;
  try {
    text = decodeSource(name, bytes).text;
  } catch (error) {
    if (error instanceof SourceError)
      throw ImportError.fromCatalogue('not-text', 'import.not-text', {
        ...error.params,
        reason: capitalised(error.reason),
        reasonId: error.reasonId,
      });
    throw error;
  }
  return {
    kind: 'text',
    sourceName: name,
    pages: null,
    signer: null,
    layout: null,
    candidates: [{ key: '', title: '', sourceName: name, sourceKind: 'text', sourceSha256: digest, text, overlay: {} }],
  };
}

/** Room left in a key for the "-2" that keeping both copies of an issue adds. */
const KEY_ROOM = 6;

/**
 * Every key the issue would hand out must be one the contract takes (ItemKey), or the issue could
 * not be read, bookmarked or packed: a reviewed title of one 300-letter word made an issue key of
 * 305 characters, and packs:export answered INTERNAL (found by the generated hostile requests).
 */
function checkKeys(issue: ExtractedIssue): ExtractedIssue {
  const longest = (ItemKey.maxLength ?? 200) - KEY_ROOM;
  const keys = [issue.key, ...issue.sections.flatMap((s) => [s.key, ...s.paragraphs.map((p) => p.key)])];
  const bad = keys.find((key) => key.length > longest || !ItemKey.safeParse(key).success);
  if (bad) {
    throw ImportError.fromCatalogue('no-issue', 'import.key-too-long', {
      length: String(bad.length),
      start: bad.slice(0, 40),
      max: String(longest),
    });
  }
  return issue;
}

/**
 * The candidate with the reviewer's corrections, extracted, with its own entities, what the review
 * shows of it and what it is built from: in the analysis worker, or in-process. Refuses corrections
 * that break the overlay's rules (a title of the issue's words, organisations in its text).
 */
export function extractWithReview(uncorrected: Candidate, corrections?: Corrections) {
  const candidate = corrected(uncorrected, corrections);
  const issue = extractCandidate(candidate);
  const entities = refusingExtraction(() => entitiesOf([issue]));
  return { issue, entities, review: reviewOf(candidate, issue, entities), builtFrom: builtFromOf(candidate) };
}

/** The candidate's issue as the pipeline reads it, keyed; refuses text that holds no issue, or one whose keys are too long. */
export function extractCandidate(candidate: Candidate): ExtractedIssue {
  return refusingExtraction(() => checkKeys(extractStored(candidate)));
}

/** What `extract` returns; a refusal of the pipeline (ExtractionError) as the catalogue's "no issue" with its reason. */
function refusingExtraction<T>(extract: () => T): T {
  try {
    return extract();
  } catch (error) {
    if (error instanceof ExtractionError)
      throw ImportError.fromCatalogue('no-issue', 'import.no-issue', {
        reason: error.reason,
        ...(error.reasonId ? { reasonId: error.reasonId } : {}),
      });
    throw error;
  }
}

/**
 * The candidate for a PDF or text with the reviewer's corrections laid over the layout; refuses
 * corrections that break the overlay's rules (a title of the issue's words, organisations in its text).
 */
export function corrected(candidate: Candidate, corrections: Corrections | undefined): Candidate {
  if (!corrections) return candidate;
  checkCorrections(candidate.text, corrections);
  return withCorrections(candidate, corrections);
}

/** The candidate with the corrections laid over its overlay, unchecked (they are checked where it is extracted). */
export const withCorrections = (candidate: Candidate, corrections: Corrections | undefined): Candidate =>
  corrections ? { ...candidate, overlay: { ...candidate.overlay, ...corrections } } : candidate;

/** The page the candidate's text starts on (the review may say another than 1). */
export const firstPageOf = (candidate: Candidate) =>
  typeof candidate.overlay.firstPage === 'number' ? candidate.overlay.firstPage : 1;

/** What the review shows beside the issue: its word account and its warnings (computed where it is extracted). */
export interface Review {
  words: NonNullable<IssueDraft['words']>;
  warnings: IssueDraft['warnings'];
}

export function reviewOf(candidate: Candidate, issue: ExtractedIssue, entities: EntityRecord[]): Review {
  const words = accountWords(candidate.text, issue, firstPageOf(candidate));
  return { words, warnings: reviewWarnings(issue, entities, words, candidate.text) };
}
