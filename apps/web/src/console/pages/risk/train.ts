import type { CsvFile } from './CsvFileInput.tsx';

/** The training form's values. */
export interface TrainForm {
  name?: string;
  file?: CsvFile | null;
  target?: string;
  model: 'scorecard' | 'gbdt';
  drop: string[];
  group?: string;
  /** Cut points banding a numeric group column, as typed ("25, 40"). */
  groupCuts?: string;
  seed?: number | null;
  holdoutPercent?: number | null;
}

/**
 * Reads cut points typed as numbers separated by commas, spaces or 、 (empty → none). Returns
 * null when a piece is not a number, so the form can say so before sending.
 *
 * @example parseCuts('25, 40'); // [25, 40]
 * @example parseCuts('25, old'); // null
 */
export function parseCuts(text: string | undefined): number[] | null {
  const pieces = (text ?? '').split(/[\s,，、]+/).filter((p) => p !== '');
  const cuts = pieces.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  return cuts.every(Number.isFinite) ? cuts : null;
}

/**
 * The training request (`POST /api/v1/risk/models`, source "train") a filled form describes,
 * without the optional fields left empty.
 *
 * @example buildTrainBody({ name: 'Card', file, target: 'bad', model: 'scorecard', drop: [], seed: 7 });
 */
export function buildTrainBody(values: TrainForm) {
  const cuts = values.group ? parseCuts(values.groupCuts) : null;
  return {
    source: 'train' as const,
    name: values.name ?? '',
    csv: values.file?.text ?? '',
    target: values.target ?? '',
    model: values.model,
    ...(values.drop.length ? { drop: values.drop } : {}),
    ...(values.group ? { group: values.group } : {}),
    ...(cuts?.length ? { groupCuts: cuts } : {}),
    ...(typeof values.seed === 'number' ? { seed: values.seed } : {}),
    ...(typeof values.holdoutPercent === 'number' ? { holdout: values.holdoutPercent / 100 } : {}),
  };
}
