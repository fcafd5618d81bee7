import { addDays, atShanghai } from './calendar';

/** The instants bounding a Shanghai day (inclusive), as filters and views take them. */
export function dayBounds(day: string): { from: string; to: string } {
  return {
    from: atShanghai(day, '00:00').toISOString(),
    to: new Date(atShanghai(addDays(day, 1), '00:00').getTime() - 1).toISOString(),
  };
}

/** The instants bounding the Shanghai days from … to (inclusive). */
export function rangeBounds(from: string, to: string): { from: string; to: string } {
  return { from: dayBounds(from).from, to: dayBounds(to).to };
}
