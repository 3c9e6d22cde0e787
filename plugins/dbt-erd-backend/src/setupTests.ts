import { installSecretScan } from './__testUtils__/secretScan';

// Every backend suite: no configured secret in any response, log line or audit event.
installSecretScan();
