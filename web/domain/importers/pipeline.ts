/**
 * The one finish and failure path every import goes through (single files, zips, loose Shapefile parts):
 * parse, normalise, then map the outcome — or any exception — to an ImportResult with capped message lists.
 */
import { CrsError } from './crs.ts';
import type { ParseOutput } from './format.ts';
import { ImportAbort, MAX_MESSAGES, makeMessage, type Reporter } from './messages.ts';
import { MAX_NESTING } from './nesting.ts';
import { normalize } from './normalize/index.ts';
import type { ImportFormat, ImportLimits, ImportMessage, ImportOptions, ImportResult } from './types.ts';

export function failure(
  errors: ImportMessage[],
  warnings: ImportMessage[] = [],
  format?: ImportFormat,
): ImportResult {
  const r: ImportResult = {
    ok: false,
    errors: errors.slice(0, MAX_MESSAGES),
    warnings: warnings.slice(0, MAX_MESSAGES),
  };
  if (format) r.format = format;
  return r;
}

/** An exception as a message. Library text is shown only for failures nobody foresaw (`read-failed`). */
export function messageForException(file: string, e: unknown): ImportMessage {
  if (e instanceof ImportAbort) return e.msg;
  if (e instanceof CrsError) {
    return e.datum
      ? makeMessage(file, 'crs-unsupported-datum', undefined, { name: e.crsName, datum: e.datum })
      : makeMessage(file, 'crs-unsupported', undefined, { name: e.crsName });
  }
  // The nesting guards run before every recursive reader; this is the net below them.
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return makeMessage(file, 'nesting-too-deep', undefined, { limit: MAX_NESTING, what: 'brackets' });
  const detail = e instanceof Error ? e.message : String(e);
  return makeMessage(file, 'read-failed', undefined, { detail: detail.slice(0, 120) });
}

export interface FinishInput {
  rep: Reporter;
  options: ImportOptions;
  limits: ImportLimits;
  /** The format when known before parsing; `parse` may name it later (a zip's content). */
  format?: ImportFormat;
  /** Encoding of decoded text, reported on success. */
  encoding?: () => string | undefined;
  parse: () => { format: ImportFormat; parsed: ParseOutput };
}

export function runImport({
  rep,
  options,
  limits,
  format: format0,
  encoding,
  parse,
}: FinishInput): ImportResult {
  let format = format0;
  const split = () => ({
    errors: rep.messages.filter((m) => m.severity === 'error'),
    warnings: rep.messages.filter((m) => m.severity !== 'error'),
  });
  try {
    const out = parse();
    format = out.format;
    const result = rep.hasErrors ? undefined : normalize(out.parsed, options, limits, rep);
    const { errors, warnings } = split();
    if (!result || errors.length > 0) return failure(errors, warnings, format);
    const ok: ImportResult = {
      ok: true,
      format,
      features: result.features,
      crs: result.crsName,
      warnings: warnings.slice(0, MAX_MESSAGES),
    };
    if (result.original) ok.original = result.original;
    const enc = out.parsed.encoding ?? encoding?.();
    if (enc) ok.encoding = enc;
    return ok;
  } catch (e) {
    const { errors, warnings } = split();
    return failure([...errors, messageForException(rep.file, e)], warnings, format);
  }
}
