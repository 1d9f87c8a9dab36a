// Generates the synthetic demo county once: `npx tsx packages/siting/demo/generate.ts`, then
// `npx biome format --write packages/siting/demo` (the repository keeps the JSON biome-formatted).
// Everything is drawn from a seeded generator, so re-running writes the same county.json.
// The county is invented: its shape, names, villages and populations describe no real place.
import { writeFileSync } from 'node:fs';
import { createRng, normal } from '../src/rng.ts';

type Pt = [number, number];

const SEED = 20240601;
const rng = createRng(SEED);
const round = (v: number): number => Math.round(v * 100) / 100;

// County outline: a wobbly star-shaped polygon around the origin, about 55 × 45 km.
const phase = [rng.next() * 6.28, rng.next() * 6.28, rng.next() * 6.28];
const boundary: Pt[] = [];
for (let k = 0; k < 96; k++) {
  const t = (2 * Math.PI * k) / 96;
  const r =
    25 *
    (1 +
      0.16 * Math.sin(2 * t + phase[0]!) +
      0.08 * Math.sin(3 * t + phase[1]!) +
      0.04 * Math.sin(7 * t + phase[2]!));
  boundary.push([round(r * Math.cos(t) * 1.1), round(r * Math.sin(t) * 0.9)]);
}

function inside(p: Pt, poly: readonly Pt[]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Keeps the part of `poly` on the side of the half-plane a·x + b·y ≤ c (Sutherland–Hodgman step). */
function clipHalfPlane(poly: readonly Pt[], a: number, b: number, c: number): Pt[] {
  const out: Pt[] = [];
  const side = (p: Pt): number => a * p[0] + b * p[1] - c;
  for (let i = 0; i < poly.length; i++) {
    const cur = poly[i]!;
    const prev = poly[(i + poly.length - 1) % poly.length]!;
    const sc = side(cur);
    const sp = side(prev);
    if (sc <= 0) {
      if (sp > 0) out.push(cross(prev, cur, sp, sc));
      out.push(cur);
    } else if (sp <= 0) out.push(cross(prev, cur, sp, sc));
  }
  return out;
}

function cross(p: Pt, q: Pt, sp: number, sq: number): Pt {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

const NAMES = [
  'Qingshan',
  'Baima',
  'Shuangfeng',
  'Longtan',
  'Heping',
  'Xinglong',
  'Dashi',
  'Gaoqiao',
  'Huilong',
  'Sanhe',
  'Tianchi',
  'Yuxi',
];

// Township seats: the county seat near the centre, the rest spread at least 9 km apart.
const seats: Pt[] = [[round(1.5 * normal(rng)), round(1.5 * normal(rng))]];
while (seats.length < NAMES.length) {
  const p: Pt = [round((rng.next() - 0.5) * 56), round((rng.next() - 0.5) * 46)];
  if (!inside(p, boundary)) continue;
  if (seats.some((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) < 9)) continue;
  seats.push(p);
}

// Township boundaries: each seat's Voronoi cell, intersected with the county outline (the cell is
// convex, so clipping the outline by its half-planes gives the intersection).
const townships = seats.map((seat, k) => {
  let poly: Pt[] = boundary.slice();
  seats.forEach((other, q) => {
    if (q === k) return;
    const a = other[0] - seat[0];
    const b = other[1] - seat[1];
    const c = (other[0] ** 2 + other[1] ** 2 - seat[0] ** 2 - seat[1] ** 2) / 2;
    poly = clipHalfPlane(poly, a, b, c);
  });
  const code = NAMES[k]!.slice(0, 2).toUpperCase();
  return {
    id: `T${String(k + 1).padStart(2, '0')}`,
    code,
    name: `${NAMES[k]} ${k === 0 ? 'Town (county seat)' : 'Township'}`,
    seat: seat,
    boundary: poly.map(([x, y]) => [round(x), round(y)] as Pt),
  };
});

// Villages: the seat town plus 18–40 villages per township, clustered around the seat.
const villages: { id: string; name: string; township: string; x: number; y: number; population: number }[] =
  [];
for (const t of townships) {
  const townPop = Math.round(t.id === 'T01' ? 38000 + 8000 * rng.next() : 4000 + 9000 * rng.next());
  villages.push({
    id: `${t.code}-00`,
    name: `${t.name.split(' ')[0]} town`,
    township: t.id,
    x: t.seat[0],
    y: t.seat[1],
    population: townPop,
  });
  const count = 18 + Math.floor(rng.next() * 23);
  let made = 0;
  while (made < count) {
    const spread = rng.next() < 0.7 ? 3.5 : 7;
    const p: Pt = [round(t.seat[0] + spread * normal(rng)), round(t.seat[1] + spread * normal(rng))];
    if (!inside(p, t.boundary)) continue;
    made++;
    villages.push({
      id: `${t.code}-${String(made).padStart(2, '0')}`,
      name: `${t.name.split(' ')[0]} village ${made}`,
      township: t.id,
      x: p[0],
      y: p[1],
      population: Math.max(80, Math.round(Math.exp(6.6 + 0.6 * normal(rng)))),
    });
  }
}

// Candidates: every township seat and the larger villages (≥ 900 people) of each township.
const candidates = villages
  .filter((v) => v.id.endsWith('-00') || v.population >= 900)
  .map((v) => ({ id: `C-${v.id}`, name: v.name, township: v.township, x: v.x, y: v.y }));

// Existing stations: at the county seat and at five other township seats.
const stationSeats = ['T01', 'T02', 'T04', 'T06', 'T08', 'T11'];
const stations = candidates
  .filter((c) => c.id.endsWith('-00') && stationSeats.includes(c.township))
  .map((c) => ({ id: c.id, name: `${c.name} service station`, township: c.township, x: c.x, y: c.y }));

const county = {
  name: 'Qingshan County (synthetic)',
  synthetic: true,
  seed: SEED,
  note: 'Invented for demonstration: no real place, population or station is described.',
  crs: { kind: 'projected-km', originLonLat: [105.45, 29.35] },
  boundary,
  townships,
  villages,
  stations,
  candidates,
};
writeFileSync(new URL('./county.json', import.meta.url), `${JSON.stringify(county)}\n`);
console.log(
  `townships ${townships.length}, villages ${villages.length}, population ${villages.reduce((s, v) => s + v.population, 0)}, candidates ${candidates.length}, stations ${stations.length}`,
);
