/**
 * A separate outbox worker process on the test's database, killed with SIGKILL (kill -9) right after
 * the SMTP server accepted a message and before it is marked sent. Arguments: JSON { databaseUrl,
 * dataDir, smtpUrl, from, now, publicBaseUrl }. It never exits by itself.
 */
import { boot } from '../../src/boot.js';
import { smtpSender } from '../../src/io/mail-smtp.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { STANDARDS_DIR } from '../support/paths.js';

const input = JSON.parse(process.argv[2]!) as { databaseUrl: string | null; dataDir: string; smtpUrl: string; from: string; now: string; publicBaseUrl: string };
const b = await boot({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, standardsDir: STANDARDS_DIR, actor: 'worker' });
if (!b.ok) throw new Error('boot failed');
b.ctx.now = () => new Date(input.now);
b.ctx.publicBaseUrl = input.publicBaseUrl;
await sendOutbox(b.ctx, smtpSender(input.smtpUrl, input.from), { afterSend: () => process.kill(process.pid, 'SIGKILL') });
process.stderr.write('the worker was not killed: nothing was sent\n');
process.exit(3);
