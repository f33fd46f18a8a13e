import twilio from 'twilio';

type RequestOptions<T> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: T };

/** One HTTP attempt per call: a failed send is retried by Temporal, which knows what was recorded. */
const NO_AUTO_RETRY = { autoRetry: false } as const;

/**
 * The twilio client's own HTTP client (axios, form encoding, basic auth, response parsing),
 * sending to another base URL: twilio-node has no base-URL option, and its edge/region options
 * only rewrite *.twilio.com host names. Used for a local stand-in of the Messages API in tests.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: URL,
    options: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }

  override request<T>(options: RequestOptions<T>) {
    const target = new URL(options.uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const redirected = new URL(`${prefix}${target.pathname}${target.search}`, this.base.origin);
    return super.request<T>({ ...options, uri: redirected.href });
  }
}

/** The HTTP client for the twilio client: Twilio itself, or `apiUrl` instead. */
export function twilioHttpClient(options: { apiUrl?: string; timeoutMs: number }): InstanceType<typeof twilio.RequestClient> {
  const clientOptions = { ...NO_AUTO_RETRY, timeout: options.timeoutMs };
  return options.apiUrl ? new RedirectingRequestClient(new URL(options.apiUrl), clientOptions) : new twilio.RequestClient(clientOptions);
}
