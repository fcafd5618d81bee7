/** A text in both UI languages. The UI is Simplified Chinese by default (zh) with an English switch (en). */
export interface Text {
  zh: string;
  en: string;
}
export type Locale = keyof Text;

export const t = (zh: string, en: string): Text => ({ zh, en });
