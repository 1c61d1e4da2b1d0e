/** One catalogue entry: Chinese first, English second. */
export interface Entry {
  readonly zh: string;
  readonly en: string;
}

export type Area = Readonly<Record<string, Entry>>;
