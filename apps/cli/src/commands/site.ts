import {
  type CoordinateKind,
  type CostEntry,
  type Outcome,
  parseCandidatesCsv,
  parseCostsCsv,
  parseDemandCsv,
  type SitingFailure,
  type SitingModel,
  type SitingProblem,
  type SolveMethod,
  sitingModels,
  solve,
  toGeoJson,
} from '@puhui/siting';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions, readText, writeText } from '../io.ts';

const USAGE = `Usage: puhui site --model mclp|lscp|pmedian|pcenter --demand D.csv --candidates C.csv
                  [--costs M.csv] [--p N] [--radius R] [--fixed ID,ID] [--out result.json]
                  [--geojson out.geojson]

Chooses service-point sites. mclp: p sites covering the most demand weight within the radius;
lscp: the fewest sites covering every demand point within the radius; pmedian: p sites with the
least weighted total distance; pcenter: p sites with the least largest distance. Prints
{ model, selected, objective, coveredWeight, coveredShare, uncovered, assignment, gap, solver,
seconds } as JSON. Small and medium instances are solved exactly (HiGHS); large ones by greedy +
vertex interchange with the gap to a proven bound.

Options:
  --model M            mclp, lscp, pmedian or pcenter
  --demand F.csv       demand points: id,x,y,weight (or id,lon,lat,weight)
  --candidates F.csv   candidate sites: id,x,y (or id,lon,lat), optional capacity column
  --costs F.csv        long-form cost matrix demand_id,site_id,cost replacing computed distances
  --p N                sites to open, fixed ones included (mclp, pmedian, pcenter)
  --radius R           coverage radius (mclp, lscp; reported coverage for the others)
  --fixed ID,ID        candidate ids already open (existing stations)
  --out F              write the result JSON to F instead of stdout
  --geojson F          also write demand, sites and assignments as GeoJSON
  --origin LON,LAT     longitude/latitude of projected coordinates' origin (for --geojson)
  --id-column, --x-column, --y-column, --weight-column, --capacity-column NAME
                       rename the input columns
  --coordinates K      projected (Euclidean) or lonlat (great-circle km); default from column names
  --method M           auto (default), exact or heuristic
  --time-limit S       seconds allowed for an exact solve (default 60)
`;

const INPUT_CODES = new Set([
  'invalid_input',
  'missing_parameter',
  'duplicate_id',
  'unknown_id',
  'missing_cost',
]);

function orFail<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw failure(outcome.error);
}

function failure(error: SitingFailure): CliError {
  return new CliError(`${error.message} (${error.code})`, INPUT_CODES.has(error.code) ? 2 : 1);
}

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v))
    throw new CliError(`${name} must be a number, got '${raw}'`, 2);
  return v;
}

/** `puhui site`: service-point siting (MCLP, LSCP, p-median, p-center). */
export const site: CliCommand = {
  name: 'site',
  summary: 'Choose service-point sites (MCLP, LSCP, p-median, p-center) from demand and candidate CSVs',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      model: { type: 'string' },
      demand: { type: 'string' },
      candidates: { type: 'string' },
      costs: { type: 'string' },
      p: { type: 'string' },
      radius: { type: 'string' },
      fixed: { type: 'string' },
      out: { type: 'string' },
      geojson: { type: 'string' },
      origin: { type: 'string' },
      'id-column': { type: 'string' },
      'x-column': { type: 'string' },
      'y-column': { type: 'string' },
      'weight-column': { type: 'string' },
      'capacity-column': { type: 'string' },
      coordinates: { type: 'string' },
      method: { type: 'string' },
      'time-limit': { type: 'string' },
    });
    if (!values.model) throw new CliError(`--model is required (${sitingModels.join(', ')})`, 2);
    if (!sitingModels.includes(values.model as SitingModel)) {
      throw new CliError(`unknown --model '${values.model}' (expected ${sitingModels.join(', ')})`, 2);
    }
    if (!values.demand) throw new CliError('--demand is required', 2);
    if (!values.candidates) throw new CliError('--candidates is required', 2);
    const method = (values.method ?? 'auto') as SolveMethod;
    if (!['auto', 'exact', 'heuristic'].includes(method)) {
      throw new CliError(`--method must be auto, exact or heuristic, got '${values.method}'`, 2);
    }
    const coordinates = values.coordinates as CoordinateKind | undefined;
    if (coordinates !== undefined && coordinates !== 'projected' && coordinates !== 'lonlat') {
      throw new CliError(`--coordinates must be projected or lonlat, got '${values.coordinates}'`, 2);
    }
    let origin: [number, number] | undefined;
    if (values.origin !== undefined) {
      const parts = values.origin.split(',').map((s) => Number(s));
      if (parts.length !== 2 || !parts.every(Number.isFinite)) {
        throw new CliError(`--origin must be LON,LAT, got '${values.origin}'`, 2);
      }
      origin = [parts[0]!, parts[1]!];
    }
    const p = number('--p', values.p);
    const radius = number('--radius', values.radius);
    const timeLimit = number('--time-limit', values['time-limit']);
    const columns = {
      ...(values['id-column'] ? { id: values['id-column'] } : {}),
      ...(values['x-column'] ? { x: values['x-column'] } : {}),
      ...(values['y-column'] ? { y: values['y-column'] } : {}),
      ...(values['weight-column'] ? { weight: values['weight-column'] } : {}),
      ...(values['capacity-column'] ? { capacity: values['capacity-column'] } : {}),
      ...(coordinates ? { coordinates } : {}),
    };
    const demand = orFail(parseDemandCsv(await readText(ctx, values.demand), values.demand, columns));
    const candidates = orFail(
      parseCandidatesCsv(await readText(ctx, values.candidates), values.candidates, columns),
    );
    if (demand.coordinates !== candidates.coordinates) {
      throw new CliError(
        `${values.demand} has ${demand.coordinates} coordinates but ${values.candidates} has ${candidates.coordinates}; use --coordinates`,
        2,
      );
    }
    let costs: CostEntry[] | undefined;
    if (values.costs) costs = orFail(parseCostsCsv(await readText(ctx, values.costs), values.costs));
    const fixed = values.fixed
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const problem: SitingProblem = {
      model: values.model as SitingModel,
      coordinates: demand.coordinates,
      demand: demand.points,
      candidates: candidates.points,
      ...(costs ? { costs } : {}),
      ...(p !== undefined ? { p } : {}),
      ...(radius !== undefined ? { radius } : {}),
      ...(fixed ? { fixed } : {}),
    };
    const result = orFail(
      await solve(problem, {
        now: () => performance.now(),
        method,
        ...(timeLimit !== undefined ? { timeLimitSeconds: timeLimit } : {}),
      }),
    );
    await writeText(ctx, values.out, `${JSON.stringify(result, null, 2)}\n`);
    if (values.geojson) {
      const fc = toGeoJson(problem, result, origin ? { originLonLat: origin } : {});
      await writeText(ctx, values.geojson, `${JSON.stringify(fc)}\n`);
    }
    return 0;
  },
};
