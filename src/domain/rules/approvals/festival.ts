import { shanghaiDate } from '../../calendar';
import type { FestivalWindow } from '../../settings';

/**
 * 6.12.1 逢传统大型节日（中秋、春节）: gift applications only inside a festival window of the
 * branch settings (`giftWindows`). Both edges are inclusive, as Shanghai days.
 */
export function festivalWindowAt(now: Date, windows: unknown): FestivalWindow | null {
  if (!Array.isArray(windows)) return null;
  const day = shanghaiDate(now);
  for (const w of windows as FestivalWindow[]) {
    if (w && typeof w.from === 'string' && typeof w.to === 'string' && w.from <= day && day <= w.to) return w;
  }
  return null;
}
