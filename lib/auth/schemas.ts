/** Validation of what the admin user API receives. */
import { z } from '@/lib/validation/zod';
import { parseInput } from '../store/schemas';
import { ROLES, type Role } from './roles';

const roleSchema = z.enum(ROLES);

const newUserSchema = z.strictObject({ name: z.string(), role: roleSchema, password: z.string() });
const userChangeSchema = z
  .strictObject({ role: roleSchema.optional(), password: z.string().optional() })
  .refine((change) => change.role !== undefined || change.password !== undefined, { message: 'give a role or a password to change' });

/** A new local account: `{ name, role, password }`. Throws `InvalidInputError`. */
export function parseNewUser(value: unknown): { name: string; role: Role; password: string } {
  return parseInput(newUserSchema, value, 'user');
}

/** A change to a local account: `{ role?, password? }`, at least one. Throws `InvalidInputError`. */
export function parseUserChange(value: unknown): { role?: Role; password?: string } {
  return parseInput(userChangeSchema, value, 'user change');
}
