import { describe, expect, it } from 'vitest';
import { buildTrainBody, parseCuts } from './train.ts';

describe('parseCuts', () => {
  it('reads numbers separated by commas, spaces or 、, and nothing from empty text', () => {
    expect(parseCuts('25, 40')).toEqual([25, 40]);
    expect(parseCuts('25、40，60 -1.5')).toEqual([25, 40, 60, -1.5]);
    expect(parseCuts('  ')).toEqual([]);
    expect(parseCuts(undefined)).toEqual([]);
  });

  it('refuses anything that is not a plain number', () => {
    expect(parseCuts('25, old')).toBeNull();
    expect(parseCuts('1e3')).toBeNull();
    expect(parseCuts('Infinity')).toBeNull();
  });
});

describe('buildTrainBody', () => {
  const file = { name: 'x.csv', text: 'a,bad\n1,0\n', columns: ['a', 'bad'], rows: 1 };

  it('sends the file text and the chosen options, the hold-out as a share', () => {
    expect(
      buildTrainBody({
        name: 'Card',
        file,
        target: 'bad',
        model: 'gbdt',
        drop: ['age'],
        group: 'age',
        groupCuts: '25',
        seed: 7,
        holdoutPercent: 30,
      }),
    ).toEqual({
      source: 'train',
      name: 'Card',
      csv: 'a,bad\n1,0\n',
      target: 'bad',
      model: 'gbdt',
      drop: ['age'],
      group: 'age',
      groupCuts: [25],
      seed: 7,
      holdout: 0.3,
    });
  });

  it('leaves out empty options, and cut points without a group', () => {
    expect(
      buildTrainBody({
        name: 'Card',
        file,
        target: 'bad',
        model: 'scorecard',
        drop: [],
        groupCuts: '25',
        seed: null,
      }),
    ).toEqual({ source: 'train', name: 'Card', csv: 'a,bad\n1,0\n', target: 'bad', model: 'scorecard' });
  });
});
