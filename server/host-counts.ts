// Counts taken from the engine's recorder events, never from inside the
// engine: what a load test compares with what its clients saw.
import type { EndState, EngineEvent } from '../engine/events.js';

export interface HostCounts {
  arrived: number;
  answered: number;
  transferred: number;
  conferenced: number;
  rona: number;
  wrapUps: number;
  ended: Record<EndState, number>;
  /** Arrived and not yet in an end state. */
  inProgress: number;
}

export function emptyCounts(): HostCounts {
  return {
    arrived: 0, answered: 0, transferred: 0, conferenced: 0, rona: 0, wrapUps: 0, inProgress: 0,
    ended: { completed: 0, abandoned: 0, droppedOnTransfer: 0, interrupted: 0 },
  };
}

export function countEvent(counts: HostCounts, e: EngineEvent): void {
  switch (e.type) {
    case 'arrived': counts.arrived++; counts.inProgress++; return;
    case 'answered': counts.answered++; return;
    case 'transferred': counts.transferred++; return;
    case 'conferenced': counts.conferenced++; return;
    case 'rona': counts.rona++; return;
    case 'wrapUpDone': counts.wrapUps++; return;
    case 'ended': counts.ended[e.endState]++; counts.inProgress--; return;
    default: return;
  }
}
