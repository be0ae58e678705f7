import { z } from 'zod';
import { CHANNELS } from '../kernel/types';
import { presenceConfigSchema } from '../presence/config';

/** A5: capacity per channel group and in total. */
export const capacitySchema = z
  .object({
    voice: z.number().int().min(0).max(10).default(1),
    chat: z.number().int().min(0).max(20).default(3),
    digital: z.number().int().min(0).max(50).default(5),
    total: z.number().int().min(1).max(60).default(6)
  })
  .strict();
export type Capacity = z.infer<typeof capacitySchema>;

export const deskConfigSchema = z.object({
  capacity: capacitySchema.default({ voice: 1, chat: 3, digital: 5, total: 6 }),
  /** A6: channels whose work a call may interrupt (e.g. e-mail yes, chat no). */
  interruptibleByCall: z.array(z.enum(CHANNELS).exclude(['voice'])).default(['email']),
  presence: presenceConfigSchema.default({
    busyReasons: ['Break', 'Lunch', 'Meeting', 'Training'],
    conflictPolicy: 'lastChange'
  })
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;
