/**
 * The renderer's side of the contract: a typed proxy, `api.content.getIssue({ key })`, over
 * whichever transport the host provides — the preload bridge in Electron, HTTP to the
 * development web host in a plain browser. Failures arrive as ContractError with their code.
 */
import type { Channel } from '../../../common/contract/channels.std';
import type { Args, Result } from '../../../common/contract/contract.std';
import { ContractError, isEnvelope } from '../../../common/contract/errors.std';
import i18n from '../i18n/i18n.dom';

export type Transport = (channel: string, args: unknown) => Promise<unknown>;

/** Path the development web host answers IPC on (main/webhost/server.node.ts). */
const WEB_IPC_PATH = '/__valise/ipc';

const httpTransport: Transport = async (channel, args) => {
  const response = await fetch(WEB_IPC_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, args }),
  });
  return response.json();
};

export function hostTransport(): Transport {
  return window.valise ? (channel, args) => window.valise!.invoke(channel, args) : httpTransport;
}

export async function call<C extends Channel>(
  channel: C,
  args: Args<C>,
  transport = hostTransport(),
): Promise<Result<C>> {
  let envelope: unknown;
  try {
    envelope = await transport(channel, args);
  } catch {
    throw new ContractError('INTERNAL', i18n.t('Valise’s background service did not answer.'));
  }
  if (!isEnvelope(envelope))
    throw new ContractError('INTERNAL', i18n.t('Valise’s background service answered in an unknown form.'));
  if (!envelope.ok) {
    const { code, message, messageId, params } = envelope.error;
    throw new ContractError(code, message, { messageId, params });
  }
  return envelope.value as Result<C>;
}

type ServiceOf<C> = C extends `${infer S}:${string}` ? S : never;
type Api = {
  [S in ServiceOf<Channel>]: {
    [C in Channel as C extends `${S}:${infer M}` ? M : never]: (args: Args<C>) => Promise<Result<C>>;
  };
};

export const api = new Proxy({} as Api, {
  get: (_target, service: string) =>
    new Proxy(
      {},
      { get: (_t, method: string) => (args: unknown) => call(`${service}:${method}` as Channel, args as never) },
    ),
});
