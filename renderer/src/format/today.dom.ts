/**
 * Today, as the machine's clock gives it, in its own time zone. Read at each render, so a screen
 * opened after midnight says so; tests set the page's clock (Playwright's `page.clock`).
 */
import { localDay } from '../../../common/content/event-dates.std';

export function today(): string {
  return localDay(new Date());
}
