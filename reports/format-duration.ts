// Durations for people: `180us`, `12.3ms`, `1.2s`, `3m 05s`, `1h 02m 05s`,
// `2d 03h 04m`. Three significant digits below a minute, then whole seconds,
// and whole minutes from a day on.
import { NS_PER_UNIT, type TimeOrSeconds } from './time-unit.js';

export function formatDuration(value: number, unit: TimeOrSeconds): string {
  if (!Number.isFinite(value)) return String(value);
  if (value < 0) return `-${formatDuration(-value, unit)}`;
  const ns = value * NS_PER_UNIT[unit];
  const us = ns / 1000;
  if (ns === 0) return '0s';
  if (ns < 999.5) return `${sig3(ns)}ns`;
  if (us < 999.5) return `${sig3(us)}us`;
  if (us < 999_500) return `${sig3(us / 1000)}ms`;
  if (us < 59_950_000) return `${sig3(us / 1e6)}s`;

  const totalSeconds = Math.round(us / 1e6);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d ${pad2(hours)}h ${pad2(minutes)}m`;
  if (hours > 0) return `${hours}h ${pad2(minutes)}m ${pad2(seconds)}s`;
  return `${minutes}m ${pad2(seconds)}s`;
}

function sig3(x: number): string {
  return String(Number(x.toPrecision(3)));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
