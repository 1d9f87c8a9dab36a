import { Flex } from 'antd';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { coveredDemand, type DemoCounty, onDemoCounty, people, planarStudy, type Study } from './coverage.ts';
import { boundsOf, fitView, type Km, markerRadius, niceKm, ringPath, round1 } from './projection.ts';

/** Map colours, each with contrast against the pale county fill. */
export const MAP_COLORS = {
  county: '#f5f7fa',
  border: '#595959',
  township: '#a6a6a6',
  covered: '#0b5cad',
  uncovered: '#c2410c',
  plain: '#8c8c8c',
  station: '#262626',
  newSite: '#237804',
  coverage: '#0b5cad',
};

const WIDTH = 1000;
const PADDING = 24;

/** A triangle marker (new sites) centred on (x, y). */
function triangle(x: number, y: number, r: number): string {
  return `M${round1(x)} ${round1(y - r)}L${round1(x + r * 0.9)} ${round1(y + r * 0.7)}L${round1(x - r * 0.9)} ${round1(y + r * 0.7)}Z`;
}

/** The legend's symbols, drawn like the map's. */
function LegendMark({
  kind,
}: {
  kind: 'covered' | 'uncovered' | 'plain' | 'station' | 'newSite' | 'coverage' | 'township';
}) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      {kind === 'station' && (
        <rect x="3" y="3" width="12" height="12" fill={MAP_COLORS.station} stroke="#fff" />
      )}
      {kind === 'newSite' && <path d={triangle(9, 10, 8)} fill={MAP_COLORS.newSite} stroke="#fff" />}
      {kind === 'coverage' && (
        <circle
          cx="9"
          cy="9"
          r="7.5"
          fill={MAP_COLORS.coverage}
          fillOpacity={0.1}
          stroke={MAP_COLORS.coverage}
          strokeDasharray="3 2"
        />
      )}
      {kind === 'township' && (
        <line
          x1="1"
          y1="9"
          x2="17"
          y2="9"
          stroke={MAP_COLORS.township}
          strokeDasharray="4 2"
          strokeWidth="1.5"
        />
      )}
      {(kind === 'covered' || kind === 'uncovered' || kind === 'plain') && (
        <circle cx="9" cy="9" r="5" fill={MAP_COLORS[kind]} fillOpacity={0.75} />
      )}
    </svg>
  );
}

/**
 * The siting map in SVG (no tile server is needed): the demo county's outline and township
 * boundaries, villages sized by population and coloured by whether the study covers them, the
 * existing stations, the study's chosen sites and their coverage circles (true radius in km), a
 * scale bar and a legend. The picture is `role="img"` with a `<title>` and a `<desc>` summarising
 * it; the tables beside it carry the same data for screen readers.
 */
export function SitingMap({ county, study }: { county: DemoCounty | undefined; study: Study | undefined }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const model = useMemo(() => {
    const planar = study ? planarStudy(study.problem) : null;
    const demo = study ? onDemoCounty(study.problem, county) : county !== undefined;
    const radius = study?.problem.radius ?? null;
    const selected = new Set(study?.result.selected ?? []);
    const fixed = new Set(study?.problem.fixed ?? []);
    const covered = study ? coveredDemand(study.result) : new Set<string>();
    const villages: { id: string; name: string; at: Km; weight: number }[] =
      demo && county
        ? county.villages.map((v) => ({ id: v.id, name: v.name, at: [v.x, v.y], weight: v.population ?? 0 }))
        : (planar?.demand.map((d) => ({ id: d.id, name: d.id, at: d.at, weight: d.weight })) ?? []);
    const places = new Map((county?.candidates ?? []).map((c) => [c.id, c]));
    const sites = (planar?.candidates ?? []).filter((c) => selected.has(c.id));
    const stations = demo && county ? county.stations : [];
    const outline: Km[] = demo && county ? [...county.boundary] : villages.map((v) => v.at);
    const bounds = boundsOf([...outline, ...sites.map((s) => s.at)], sites.length ? (radius ?? 0) : 0);
    const view = fitView(bounds, WIDTH, PADDING);
    const largest = villages.reduce((m, v) => Math.max(m, v.weight), 0);
    return {
      demo,
      radius,
      selected,
      fixed,
      covered,
      villages,
      places,
      sites,
      stations,
      view,
      largest,
      bounds,
    };
  }, [county, study]);
  const { view } = model;
  const population = model.villages.reduce((s, v) => s + v.weight, 0);
  const newSites = model.sites.filter((s) => !model.fixed.has(s.id)).length;
  const radiusText = model.radius ?? '—';
  const summary = study
    ? t('siting.map.aria', {
        county: model.demo && county ? county.name : t('siting.map.ownPoints'),
        villages: model.villages.length,
        population: people(population, i18n.language),
        stations: model.stations.length,
        study: study.name,
        selected: model.sites.length,
        newSites,
        radius: radiusText,
        share: `${(study.result.coveredShare * 100).toFixed(1)}%`,
      })
    : t('siting.map.ariaCounty', {
        county: county?.name ?? '',
        villages: model.villages.length,
        population: people(population, i18n.language),
        stations: model.stations.length,
      });
  const scaleKm = niceKm((model.bounds.maxX - model.bounds.minX) / 5);
  const villageColor = (id: string) =>
    !study ? MAP_COLORS.plain : model.covered.has(id) ? MAP_COLORS.covered : MAP_COLORS.uncovered;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${round1(view.height)}`}
        role="img"
        aria-labelledby={`${ids}-title ${ids}-desc`}
        data-testid="siting-map"
        style={{ width: '100%', height: 'auto', display: 'block', background: '#fff' }}
      >
        <title id={`${ids}-title`}>{t('siting.map.title')}</title>
        <desc id={`${ids}-desc`}>{summary}</desc>
        {model.demo && county && (
          <g>
            <path
              d={ringPath(county.boundary, view)}
              fill={MAP_COLORS.county}
              stroke={MAP_COLORS.border}
              strokeWidth={2}
            />
            {county.townships.map((tw) => (
              <path
                key={tw.id}
                d={ringPath(tw.boundary, view)}
                fill="none"
                stroke={MAP_COLORS.township}
                strokeWidth={1}
                strokeDasharray="6 4"
              >
                <title>{tw.name}</title>
              </path>
            ))}
          </g>
        )}
        {model.radius !== null && (
          <g data-layer="coverage">
            {model.sites.map((s) => {
              const [x, y] = view.project(s.at);
              return (
                <circle
                  key={s.id}
                  cx={round1(x)}
                  cy={round1(y)}
                  r={round1(view.length(model.radius ?? 0))}
                  fill={MAP_COLORS.coverage}
                  fillOpacity={0.08}
                  stroke={MAP_COLORS.coverage}
                  strokeWidth={1.2}
                  strokeDasharray="5 3"
                />
              );
            })}
          </g>
        )}
        <g data-layer="villages">
          {model.villages.map((v) => {
            const [x, y] = view.project(v.at);
            return (
              <circle
                key={v.id}
                data-village={v.id}
                cx={round1(x)}
                cy={round1(y)}
                r={round1(markerRadius(v.weight, model.largest, 2, 14))}
                fill={villageColor(v.id)}
                fillOpacity={0.7}
                stroke="#fff"
                strokeWidth={0.5}
              >
                <title>
                  {t('siting.map.villageTitle', {
                    name: v.name,
                    population: people(v.weight, i18n.language),
                  })}
                </title>
              </circle>
            );
          })}
        </g>
        {model.demo && county && (
          <g data-layer="labels">
            {county.townships.map((tw) => {
              const [x, y] = view.project(tw.seat);
              return (
                <text
                  key={tw.id}
                  x={round1(x)}
                  y={round1(y - 18)}
                  textAnchor="middle"
                  fontSize={15}
                  fill="#262626"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {tw.name.replace(/ (Town|Township).*$/, '')}
                </text>
              );
            })}
          </g>
        )}
        <g data-layer="stations">
          {model.stations.map((s) => {
            const [x, y] = view.project([s.x, s.y]);
            return (
              <rect
                key={s.id}
                data-station={s.id}
                x={round1(x - 7)}
                y={round1(y - 7)}
                width={14}
                height={14}
                fill={MAP_COLORS.station}
                stroke="#fff"
                strokeWidth={1.5}
              >
                <title>{s.name}</title>
              </rect>
            );
          })}
        </g>
        <g data-layer="sites">
          {model.sites
            .filter((s) => !model.stations.some((st) => st.id === s.id))
            .map((s) => {
              const [x, y] = view.project(s.at);
              const place = model.places.get(s.id);
              return (
                <path
                  key={s.id}
                  data-site={s.id}
                  d={triangle(x, y, 11)}
                  fill={model.fixed.has(s.id) ? MAP_COLORS.station : MAP_COLORS.newSite}
                  stroke="#fff"
                  strokeWidth={1.5}
                >
                  <title>{t('siting.map.siteTitle', { name: place?.name ?? s.id, id: s.id })}</title>
                </path>
              );
            })}
        </g>
        <g data-layer="scale">
          <line
            x1={PADDING}
            y1={round1(view.height - 12)}
            x2={round1(PADDING + view.length(scaleKm))}
            y2={round1(view.height - 12)}
            stroke="#262626"
            strokeWidth={3}
          />
          <text x={PADDING} y={round1(view.height - 18)} fontSize={14} fill="#262626">
            {t('siting.map.scale', { km: scaleKm })}
          </text>
          <text
            x={WIDTH - PADDING}
            y={PADDING + 8}
            fontSize={16}
            fontWeight={700}
            textAnchor="end"
            fill="#262626"
          >
            {t('siting.map.north')}
          </text>
        </g>
      </svg>
      <figcaption>
        <Flex
          wrap
          gap={16}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}
          aria-label={t('siting.legend.title')}
        >
          {study ? (
            <>
              <li>
                <LegendMark kind="covered" /> {t('siting.legend.covered')}
              </li>
              <li>
                <LegendMark kind="uncovered" /> {t('siting.legend.uncovered')}
              </li>
            </>
          ) : (
            <li>
              <LegendMark kind="plain" /> {t('siting.legend.village')}
            </li>
          )}
          <li>{t('siting.legend.size')}</li>
          {model.stations.length > 0 && (
            <li>
              <LegendMark kind="station" /> {t('siting.legend.station')}
            </li>
          )}
          {study && (
            <li>
              <LegendMark kind="newSite" /> {t('siting.legend.newSite')}
            </li>
          )}
          {study && model.radius !== null && (
            <li>
              <LegendMark kind="coverage" /> {t('siting.legend.coverage', { radius: model.radius })}
            </li>
          )}
          {model.demo && (
            <li>
              <LegendMark kind="township" /> {t('siting.legend.township')}
            </li>
          )}
        </Flex>
      </figcaption>
    </figure>
  );
}
