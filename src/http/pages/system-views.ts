/** The admin's system status page (/petugas/sistem): database, read replica with its lag, this server process. Pure. */
import type { SystemStatus } from '../../usecases/cluster/read-system-status.js';
import { L, type Lang } from '../i18n.js';
import { html } from './html.js';
import { staffPage, type StaffShell } from './layout.js';

export const SYSTEM_PATH = '/petugas/sistem';

const bytes = (lang: Lang, n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`).replace('.', lang === 'id' ? ',' : '.');

function replicaRows(lang: Lang, s: SystemStatus) {
  const r = s.replica;
  if (!r)
    return html`<p data-testid="replica-none">${
      s.dialect === 'postgres'
        ? L(lang, 'Tidak ada replika baca (DATABASE_READ_URL tidak diatur): semua bacaan ke basis data utama.', 'No read replica (DATABASE_READ_URL not set): every read goes to the primary.')
        : L(lang, 'SQLite satu berkas: tidak ada replika.', 'SQLite, one file: no replica.')
    }</p>`;
  return html`<table><tbody>
<tr><th scope="row">${L(lang, 'Replika', 'Replica')}</th><td><code style="word-break:break-all">${r.describe}</code></td></tr>
<tr><th scope="row">${L(lang, 'Keadaan', 'State')}</th><td data-testid="replica-state">${
    r.up
      ? html`<span class="badge sla-on-time">${L(lang, 'Berjalan (hot standby)', 'Running (hot standby)')}</span>`
      : html`<span class="badge sla-late">${L(lang, 'Tidak tersedia: bacaan berat dilayani basis data utama', 'Unavailable: heavy reads are served by the primary')}</span>`
  }</td></tr>
<tr><th scope="row">${L(lang, 'Ketertinggalan', 'Lag')}</th><td data-testid="replica-lag">${r.lagBytes === null ? '—' : bytes(lang, r.lagBytes)}${
    r.replayAgeSeconds === null ? '' : html` <span class="meta">· ${L(lang, `transaksi terakhir diputar ulang ${Math.round(r.replayAgeSeconds)} detik lalu`, `last transaction replayed ${Math.round(r.replayAgeSeconds)} s ago`)}</span>`
  }</td></tr>
<tr><th scope="row">${L(lang, 'Dialihkan ke utama', 'Fell back to the primary')}</th><td>${r.fallbacks}</td></tr>
${r.error ? html`<tr><th scope="row">${L(lang, 'Galat terakhir', 'Last error')}</th><td><code style="word-break:break-all">${r.error}</code></td></tr>` : ''}
</tbody></table>`;
}

export function systemPage(shell: StaffShell, s: SystemStatus): string {
  const { lang } = shell;
  const title = L(lang, 'Status sistem', 'System status');
  const body = html`<h1>${title}</h1>
<section aria-labelledby="db-h"><h2 id="db-h">${L(lang, 'Basis data', 'Database')}</h2>
<p><code style="word-break:break-all">${s.database}</code></p>
<h3>${L(lang, 'Replika baca', 'Read replica')}</h3>
${replicaRows(lang, s)}
<p class="meta">${L(lang, 'Pencarian registri dilayani replika bila ada; yang baru saja ditulis seseorang (tanda terima, pelacakan, sesi) selalu dibaca dari basis data utama.', 'Registry look-ups are served by the replica when there is one; what a person has just written (receipt, tracking, session) is always read from the primary.')}</p>
</section>
<section aria-labelledby="feed-h"><h2 id="feed-h">${L(lang, 'Perubahan antarproses', 'Changes between processes')}</h2>
<p class="meta">${L(lang, `Setiap proses server membaca ulang jam layanan dan standar yang diubah proses lain: segera di PostgreSQL (LISTEN/NOTIFY), paling lambat ${s.changesPollMs / 1000} detik.`, `Every server process re-reads service hours and standards changed by another: at once on PostgreSQL (LISTEN/NOTIFY), within ${s.changesPollMs / 1000} s at most.`)}</p>
${
  s.changes.length
    ? html`<table><thead><tr><th scope="col">${L(lang, 'Kunci', 'Key')}</th><th scope="col">${L(lang, 'Generasi', 'Generation')}</th></tr></thead><tbody>${s.changes.map((c) => html`<tr><td><code>${c.key}</code></td><td>${c.generation}</td></tr>`)}</tbody></table>`
    : html`<p>${L(lang, 'Belum ada perubahan.', 'No changes yet.')}</p>`
}
</section>
<section aria-labelledby="files-h"><h2 id="files-h">${L(lang, 'Penyimpanan berkas', 'File store')}</h2>
<p><code style="word-break:break-all" data-testid="file-store">${s.files}</code></p>
<p class="meta">${L(lang, 'Unggahan pemohon dan surat bertanda tangan. Semua proses server harus melihat tempat yang sama (FILES_DIR; lihat docs/OPERATIONS.md).', 'Applicants’ uploads and signed letters. Every server process must see the same place (FILES_DIR; see docs/OPERATIONS.md).')}</p>
</section>
<section aria-labelledby="proc-h"><h2 id="proc-h">${L(lang, 'Proses ini', 'This process')}</h2>
<p>PID ${s.process.pid} · ${L(lang, `berjalan ${s.process.uptimeSeconds} detik`, `up ${s.process.uptimeSeconds} s`)} · ${s.process.rssMb} MB</p>
</section>`;
  return staffPage(shell, { title, path: SYSTEM_PATH, body });
}
