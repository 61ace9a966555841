// A local OpenID Connect provider on loopback for the end-to-end login test.
// Usage: node provider.mjs PORT REDIRECT_URI. Prints "ready" once it listens.
// Its development login form accepts any name and password: the name typed becomes the e-mail
// address the app receives, as a council's identity provider would send it.
import Provider from 'oidc-provider';

const [port, redirectUri] = [Number(process.argv[2]), process.argv[3]];
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'yjs-insight',
    client_secret: 'local-test-secret',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri], // Streamlit's log-out returns through its callback
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false, // put the e-mail in the ID token, which is what st.user reads
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true, name: id }),
  }),
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log('ready'));
