/**
 * `npm run user -- <command>`: local accounts from the command line.
 *   add <name> --role viewer|analyst|admin   password from stdin (first line)
 *   passwd <name>                            new password from stdin
 *   role <name> <role>
 *   remove <name>
 *   list
 * Reading the password from stdin lets scripts pipe it without it showing in `ps`.
 */
import { getStore, closeStore } from '../store/server';
import { isRole, ROLES, type Role } from './roles';
import { addUser, changeUser } from './users';

const USAGE = `usage: npm run user -- add <name> --role ${ROLES.join('|')}   (password on stdin)
       npm run user -- passwd <name>                        (password on stdin)
       npm run user -- role <name> <${ROLES.join('|')}>
       npm run user -- remove <name>
       npm run user -- list`;

class UsageError extends Error {}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  // Only the first line: `echo secret | npm run user …` adds a newline that is not part of the password.
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function role(value: string | undefined): Role {
  if (!isRole(value)) throw new UsageError(`the role must be one of ${ROLES.join(', ')}${value ? `, not "${value}"` : ''}`);
  return value;
}

function name(value: string | undefined): string {
  if (!value || value.startsWith('--')) throw new UsageError('give the user name');
  return value;
}

/** Runs one command; returns what to print. Throws `UsageError` or store errors. */
export async function runUserCommand(args: readonly string[]): Promise<string> {
  const [command, ...rest] = args;
  const store = getStore();
  switch (command) {
    case 'add': {
      const roleIndex = rest.indexOf('--role');
      const user = await addUser(store, name(rest[0]), role(roleIndex >= 0 ? rest[roleIndex + 1] : undefined), await readPassword());
      return `added ${user.name} (${user.role})`;
    }
    case 'passwd': {
      const user = await changeUser(store, name(rest[0]), { password: await readPassword() });
      return `changed the password of ${user.name}; their sessions have ended`;
    }
    case 'role': {
      const user = await changeUser(store, name(rest[0]), { role: role(rest[1]) });
      return `${user.name} is now ${user.role}; their sessions have ended`;
    }
    case 'remove':
      await store.users.delete(name(rest[0]));
      return `removed ${rest[0]}`;
    case 'list': {
      const users = await store.users.list();
      return users.length ? users.map((user) => `${user.name}\t${user.role}\tsince ${user.createdAt}`).join('\n') : 'no local accounts';
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'give a command');
  }
}

async function main(): Promise<void> {
  try {
    console.log(await runUserCommand(process.argv.slice(2)));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = 1;
  } finally {
    await closeStore();
  }
}

if (require.main === module) void main();
