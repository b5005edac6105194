/**
 * Starts a worker thread from a module next to the caller: the compiled `.js` file, or in
 * development (sources run through tsx) a small bootstrap that registers tsx in the worker first,
 * because Node 20 workers do not inherit `--import` loaders for their entry point.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl`: the caller's `import.meta.url`; `name`: the worker module's base name, without extension. */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true, execArgv: [] });
}
