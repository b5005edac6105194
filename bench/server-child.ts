/** A server in a child process for a benchmark: started with tsx, ready when it prints `READY <port>`. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerChild {
  port: number;
  child: ChildProcess;
  /** The first stdout line matching `re` (printed before or after READY). */
  line(re: RegExp): Promise<RegExpExecArray>;
  stop(): void;
}

export async function startServerChild(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let out = '';
  const waiting: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiting]) {
      const m = w.re.exec(out);
      if (m) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const line = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const m = re.exec(out);
      if (m) return resolve(m);
      waiting.push({ re, resolve });
      child.once('exit', (code) => reject(new Error(`server exited ${code} before printing ${re}`)));
    });
  const port = Number((await line(/READY (\d+)/))[1]);
  return { port, child, line, stop: () => void child.kill() };
}
