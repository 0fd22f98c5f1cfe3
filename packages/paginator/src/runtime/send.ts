import type { PageFunction } from "./types.js";

/** A transport, resolved: how to send one request, and in which form responses come back. */
export interface PageSender<Request> {
  /** "model": timestamps already Dates (SDK clients, plain functions); "wire": the service's JSON. */
  form: "model" | "wire";
  send: PageFunction<Request>;
  /**
   * Responses are `{ body, $metadata, form? }`: `body` is the page (in `form`, default the sender's),
   * and `$metadata` is kept on it (SDK clients); `headers`, when given, are the response's, from which
   * the operation's header-bound output members are read.
   */
  envelope?: boolean;
  /** The transport's errors are thrown as themselves with the PageFailure members added (SDK clients' exceptions). */
  passErrors?: boolean;
}

/**
 * Sends through `sender`, settling as soon as `signal` aborts even if the transport ignores the signal,
 * so that an abort stops a run during a request and not only between requests.
 */
export function sendAbortable<Request>(
  sender: PageSender<Request>,
  request: Request,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  // A transport that throws before returning its promise fails like one that rejects.
  const send = (context: { signal?: AbortSignal }): Promise<unknown> =>
    new Promise((resolve) => resolve(sender.send(request, context)));
  if (signal === undefined) return send({});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    send({ signal }).then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
