// Who is on shift: a group's agents 1..k are logged in when its staffing says
// k. Logging in makes an agent available; logging out sets it idle ("Off
// shift"): it takes no new offers and finishes what it holds. A RONA recovery
// that comes due while an agent is off shift leaves it off.
import type { Scenario } from '../../scenarios/scenario.js';
import type { Command } from '../../engine/index.js';
import { agentIdOf } from './world.js';

export const OFF_SHIFT = 'Off shift';

/** One staffing change: at `atMs`, group `group` should have `count` agents on. */
export interface StaffingChange {
  atMs: number;
  groupIndex: number;
  count: number;
}

export class ShiftRoster {
  private readonly onShift: number[];
  private readonly offShiftIds = new Set<string>();
  /** Agents on shift times their capacity, summed over groups: occupancy's denominator. */
  staffedSlots = 0;

  constructor(private readonly scenario: Scenario) {
    this.onShift = scenario.agents.map(() => 0);
  }

  /** Every staffing change of the run, in time order (ties by group). */
  changes(): StaffingChange[] {
    const all: StaffingChange[] = [];
    this.scenario.agents.forEach((g, groupIndex) => {
      for (const p of g.staffing) all.push({ atMs: p.fromMs, groupIndex, count: p.count });
    });
    return all.sort((a, b) => a.atMs - b.atMs || a.groupIndex - b.groupIndex);
  }

  /** The commands that bring a group to `count` agents on shift. */
  apply(change: StaffingChange): Command[] {
    const g = this.scenario.agents[change.groupIndex]!;
    const from = this.onShift[change.groupIndex]!;
    const to = Math.min(change.count, g.count);
    const commands: Command[] = [];
    for (let i = from; i < to; i++) {
      const agentId = agentIdOf(g.group, i);
      this.offShiftIds.delete(agentId);
      commands.push({ type: 'setState', agentId, state: 'available' });
    }
    for (let i = to; i < from; i++) {
      const agentId = agentIdOf(g.group, i);
      this.offShiftIds.add(agentId);
      commands.push({ type: 'setState', agentId, state: 'idle', reason: OFF_SHIFT });
    }
    this.staffedSlots += (to - from) * g.capacity;
    this.onShift[change.groupIndex] = to;
    return commands;
  }

  isOffShift(agentId: string): boolean {
    return this.offShiftIds.has(agentId);
  }
}
