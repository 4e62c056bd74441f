// Child process of the IdP benchmark: refresh-token grants against /oidc/token, as a confidential
// partner client (client_secret_basic). Refresh tokens rotate at every use, so each chain is
// serial (the next grant needs the token the last one returned); `tokens.length` chains run side
// by side. Reads its job as JSON on stdin, writes per-run figures as JSON on stdout.

export interface RefreshJob {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  tokens: string[];
  runs: number;
  seconds: number;
}

export interface RefreshRun {
  grants: number;
  errors: number;
  seconds: number;
  p50: number;
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input) as RefreshJob;
  const basic = Buffer.from(`${encodeURIComponent(job.clientId)}:${encodeURIComponent(job.clientSecret)}`).toString('base64');
  const tokens = [...job.tokens];
  const runs: RefreshRun[] = [];

  for (let run = 0; run < job.runs; run++) {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const until = started + job.seconds * 1000;
    await Promise.all(
      tokens.map(async (_, chain) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const response = await fetch(job.tokenEndpoint, {
            method: 'POST',
            headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens[chain]! }),
          });
          const body = (await response.json()) as { refresh_token?: string; access_token?: string; error?: string };
          latencies.push(performance.now() - t0);
          if (response.status !== 200 || !body.refresh_token || !body.access_token) {
            errors++;
            // A broken chain stops (its grant may be gone); the others go on.
            process.stderr.write(`refresh failed: ${response.status} ${JSON.stringify(body)}\n`);
            return;
          }
          tokens[chain] = body.refresh_token;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    runs.push({ grants: latencies.length - errors, errors, seconds, p50: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN });
  }
  process.stdout.write(JSON.stringify(runs));
}

await main();
