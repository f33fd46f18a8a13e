import { z } from 'zod';

/** One page of a list that pages: `nextCursor` goes back as `cursor` for the next one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().meta({ description: 'Pass as `cursor` for the next page; absent on the last page' }),
  });
}
