import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** The pinned kubectl 1.27 client, found beside the real kubectl binary, or undefined. */
export function findKubectl127(): string | undefined {
  try {
    const real = fs.realpathSync(execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim());
    const pinned = path.join(path.dirname(real), 'kubectl.1.27');
    return fs.existsSync(pinned) ? pinned : undefined;
  } catch {
    return undefined;
  }
}

/** shared/tools/fake-discovery.py, through K8S_SHARED (or K8S_CORPORA's parent). */
export function findFakeDiscovery(): string | undefined {
  const shared =
    process.env.K8S_SHARED ?? (process.env.K8S_CORPORA ? path.dirname(process.env.K8S_CORPORA) : undefined);
  const tool = shared ? path.join(shared, 'tools', 'fake-discovery.py') : undefined;
  return tool && fs.existsSync(tool) ? tool : undefined;
}

/** A loopback port free at the time of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Waits until something listens on the loopback port (fake discovery takes a moment to start). */
export async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fake discovery did not listen on ${port}`);
}

/** kubectl 1.27 decoding YAML offline against the fake discovery server. */
export class KubectlDecoder {
  public static async start(kubectl: string, tool: string): Promise<KubectlDecoder> {
    const port = await freePort();
    const proc = spawn('python3', [tool, String(port)], { stdio: 'ignore' });
    await waitForPort(port);
    return new KubectlDecoder(kubectl, port, proc);
  }

  private constructor(
    private readonly kubectl: string,
    private readonly port: number,
    private readonly proc: ChildProcess,
  ) {}

  /** The objects kubectl would send for this YAML (it decodes as YAML 1.1 and validates nothing). */
  public decode(yamlText: string): unknown[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-'));
    const file = path.join(dir, 'in.yaml');
    fs.writeFileSync(file, yamlText);
    try {
      const out = execFileSync(
        this.kubectl,
        [
          '--server',
          `http://127.0.0.1:${this.port}`,
          'create',
          '--dry-run=client',
          '--validate=false',
          '-o',
          'json',
          '-f',
          file,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      // Several documents print as a List, or as objects one after another (top-level braces at column 0).
      const parsed = JSON.parse(`[${out.trim().replace(/^}\n\{/gm, '},\n{')}]`) as Array<{
        kind?: string;
        items?: unknown[];
      }>;
      return parsed.flatMap((o) => (o.kind === 'List' ? (o.items ?? []) : [o]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  public stop(): void {
    this.proc.kill();
  }
}
