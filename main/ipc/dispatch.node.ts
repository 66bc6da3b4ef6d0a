/**
 * The boundary where a request from the renderer enters main, whatever carried it (Electron IPC
 * or the development web host). Rejected here, each with a typed error and nothing executed:
 * a channel not in the contract (UNKNOWN_CHANNEL), arguments that cannot be serialised or are
 * larger than MAX_REQUEST_BYTES (TOO_LARGE), arguments that fail the channel's schema
 * (BAD_REQUEST). A disk with no room left is DISK_FULL: the change was not saved (SQLite rolled
 * it back), nothing saved before is touched. A handler's unexpected failure is logged and returned
 * as INTERNAL without its stack.
 */
import { isChannel, MAX_REQUEST_BYTES } from '../../common/contract/channels.std';
import { contract } from '../../common/contract/contract.std';
import { ContractError, type Envelope } from '../../common/contract/errors.std';
import { localised } from '../../common/contract/messages.std';
import type { Handlers } from './handlers.node';

export type Logger = (message: string, error?: unknown) => void;

function serialisedSize(value: unknown): number | null {
  try {
    const json = JSON.stringify(value ?? null);
    return json === undefined ? null : Buffer.byteLength(json);
  } catch {
    return null;
  }
}

const DISK_FULL = { code: 'DISK_FULL' as const, ...localised('error.disk-full') };
const INTERNAL = { code: 'INTERNAL' as const, ...localised('error.internal') };

/** SQLite's "database or disk is full", and the file system's "no space left". */
function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export function createDispatcher(handlers: Handlers, log: Logger = () => {}) {
  return async function dispatch(channel: unknown, args: unknown): Promise<Envelope<unknown>> {
    try {
      if (!isChannel(channel)) {
        const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
        throw ContractError.fromCatalogue('UNKNOWN_CHANNEL', 'contract.unknown-channel', { name });
      }
      const size = serialisedSize(args);
      if (size === null) throw ContractError.fromCatalogue('BAD_REQUEST', 'contract.not-plain-data', { channel });
      if (size > MAX_REQUEST_BYTES) {
        throw ContractError.fromCatalogue('TOO_LARGE', 'contract.too-large', {
          channel,
          size: String(size),
          max: String(MAX_REQUEST_BYTES),
        });
      }
      const parsed = contract[channel].args.safeParse(args ?? {});
      if (!parsed.success) {
        const detail = parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
          .join('; ');
        throw ContractError.fromCatalogue('BAD_REQUEST', 'contract.invalid-arguments', { channel, detail });
      }
      const handler = handlers[channel] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ContractError) return { ok: false, error: error.toShape() };
      if (isDiskFull(error)) return { ok: false, error: DISK_FULL };
      log(`IPC ${String(channel)} failed`, error);
      return { ok: false, error: INTERNAL };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
