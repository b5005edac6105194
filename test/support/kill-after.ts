/**
 * For crash tests: reads a helper process's stdout line by line, collects the lines that report
 * something done (e.g. "ACK …", "ANSWERED …"), and kills the process with SIGKILL as soon as
 * `count` were reported or it reports a refusal ("REFUSED …"); resolves once it has exited.
 */
import type { ChildProcess } from 'node:child_process';

export async function killAfter(child: ChildProcess, done: RegExp, count: number, timeoutMs: number): Promise<{ reported: RegExpExecArray[]; refused: string }> {
  const reported: RegExpExecArray[] = [];
  let refused = '';
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = done.exec(line);
        if (m) reported.push(m);
        if (line.startsWith('REFUSED')) refused = line;
        if (reported.length >= count || refused) {
          child.kill('SIGKILL');
          resolve();
        }
      }
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
    setTimeout(() => reject(new Error('timeout')), timeoutMs).unref();
  });
  await new Promise((r) => child.once('exit', r).once('close', r));
  return { reported, refused };
}
