// Connected apps known to the org: consumer key/secret and the exact callback URLs Salesforce would accept.
export interface ConnectedApp {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Web server flow needs the secret unless the app waives it (PKCE-only public clients). */
  requireSecret: boolean;
  /** User that client_credentials runs as; null disables that flow. */
  runAsUsername: string | null;
}

export class ConnectedApps {
  private readonly apps = new Map<string, ConnectedApp>();

  register(app: ConnectedApp): void {
    this.apps.set(app.clientId, { ...app, redirectUris: [...app.redirectUris] });
  }

  get(clientId: string): ConnectedApp | undefined {
    return this.apps.get(clientId);
  }

  addRedirectUri(clientId: string, uri: string): void {
    const app = this.apps.get(clientId);
    if (app && !app.redirectUris.includes(uri)) app.redirectUris.push(uri);
  }
}
