import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.ts';
import { instantiateKernels, MAX_PAGES } from './kernels.ts';
import { H_GH, H_MARGIN, H_Y } from './layout.ts';
import { wasm } from './webassembly.ts';

/** Margins that exercise every branch of fdlibm's exp (at −z): tiny, huge, NaN, ±∞, region edges. */
function margins(count: number, seed: number): number[] {
  const edges = [0, -0, 1, -1, 1e-10, -1e-10, 3e-9, 600, -600, 708, -708.5, 709.8, -745.2, 800, -800];
  edges.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  const view = new DataView(new ArrayBuffer(8));
  // |x| around ½·ln 2 and 1.5·ln 2, where the argument reduction changes.
  for (const high of [0x3fd62e42, 0x3fd62e43, 0x3ff0a2b1, 0x3ff0a2b2])
    for (const low of [0, 1, 0xffffffff]) {
      view.setUint32(0, high);
      view.setUint32(4, low);
      edges.push(view.getFloat64(0), -view.getFloat64(0));
    }
  const rng = createRng(seed);
  const out = [...edges];
  const scales = [3, 40, 1500, 1e-7];
  while (out.length < count) out.push((rng.next() - 0.5) * scales[out.length % scales.length]!);
  return out;
}

describe('boosting kernels', () => {
  it('compute exp bit for bit as Math.exp (fdlibm)', () => {
    const k = instantiateKernels(new wasm.Memory({ initial: 1, maximum: MAX_PAGES }), false);
    const xs = margins(200_000, 3);
    const wrong = xs.filter((x) => !Object.is(k.exp(x), Math.exp(x)));
    expect(wrong).toEqual([]);
  });

  it('compute gradients and hessians, two rows at a time and singly, as the JavaScript formulas', () => {
    const zs = margins(100_001, 4);
    const n = zs.length;
    const memory = new wasm.Memory({ initial: Math.ceil((1024 + 32 * n) / 65536) + 1, maximum: MAX_PAGES });
    const k = instantiateKernels(memory, false);
    const i32 = new Int32Array(memory.buffer);
    const f64 = new Float64Array(memory.buffer);
    const margin = 1024;
    const y = margin + 8 * n;
    const gh = y + 8 * n;
    i32[H_MARGIN >> 2] = margin;
    i32[H_Y >> 2] = y;
    i32[H_GH >> 2] = gh;
    zs.forEach((z, i) => {
      f64[(margin >> 3) + i] = z;
      f64[(y >> 3) + i] = i % 3 === 0 ? 1 : 0;
    });
    // Ranges starting and ending on odd rows, as thread chunks may.
    k.grad(0, 7);
    k.grad(7, 50_000);
    k.grad(50_000, n);
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-zs[i]!));
      const g = p - (i % 3 === 0 ? 1 : 0);
      const h = Math.max(p * (1 - p), 1e-16);
      if (!Object.is(f64[(gh >> 3) + 2 * i], g) || !Object.is(f64[(gh >> 3) + 2 * i + 1], h))
        wrong.push(zs[i]!);
    }
    expect(wrong).toEqual([]);
  });
});
