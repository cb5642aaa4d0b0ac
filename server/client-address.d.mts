export declare const CLIENT_ADDRESS_HEADER: "x-praxis-client-ip";
export declare const CLIENT_ADDRESS_MARK: unique symbol;
export type ProxySettings = { hops: number; header: string | undefined };
export declare function parseProxySettings(source: Record<string, string | undefined>): ProxySettings;
export declare function clientAddressOf(
  req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } },
  settings: ProxySettings,
): string;
