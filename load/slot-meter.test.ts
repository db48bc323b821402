import { describe, expect, it } from 'vitest';
import { SlotMeter } from './slot-meter.js';

describe('SlotMeter', () => {
  it('integrates held slots inside the window only', () => {
    const m = new SlotMeter(100, 300);
    m.change(50, +1); // held from before the window
    m.change(150, +1); // 2 held from 150
    m.change(250, -2); // none from 250
    m.change(280, +1); // 1 held to the end of the window and past it
    // (1 x 50 + 2 x 100 + 1 x 20) / (2 slots x 200) = 270 / 400
    expect(m.occupancy(2, 1_000)).toBeCloseTo(270 / 400, 12);
  });

  it('a run cut short is measured up to where it stopped', () => {
    const m = new SlotMeter(0, 1_000);
    m.change(0, +1);
    expect(m.occupancy(1, 400)).toBeCloseTo(1, 12);
  });
});
