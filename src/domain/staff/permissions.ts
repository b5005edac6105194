/**
 * The one permission policy: what each role may read and do, per capability. Deny by default: a
 * permission not in PERMISSIONS, or a role not among its holders, grants nothing. Pure: no I/O.
 *
 * Adding a permission is one line in PERMISSIONS (its holders and its words in both languages);
 * a route then declares it as `config: { access: 'staff', may: '<capability.action>' }` and a
 * use case asks `may(roles, permission, scope)`. docs/PERMISSIONS.md is checked against this table
 * by test/pure/staff/permissions.test.ts (regenerate it with SIGAP_UPDATE_DOCS=1).
 *
 * Choices recorded here (the decrees name roles and steps, not permissions):
 * - Office roles differ per office. Besides fixed role ids, a permission may be held by
 *   - PROCEDURE: a role that holds a step (its role or a further role, orRoles) in the procedure of
 *     a service in scope: the decree gives that role work on that service's cases, so it may read
 *     and act on them. At the edge the scope is the officer's whole office (any of its services);
 *     in a use case it is the case's own service.
 *   - INTAKE: a role that holds an `intake` step in scope: the decree gives it the counter for that
 *     service (Banjarmasin's Pramu Sosial at the Rumah Singgah, Petugas Penerima Laporan for
 *     emergency reports), so it may register cases of that service.
 *   - EVERY_OFFICER: any signed-in officer (only their own queue, this policy in words, and the
 *     office's public survey figures).
 * - Read-only roles (READ_ONLY_ROLES: "Auditor (baca saja)" in every office file) hold only
 *   permissions whose action reads (WRITES lists those that change state); a test proves it.
 * - Specific personal data (UU 27/2022 Pasal 4: health, disability, children's data, financial
 *   data) among the service questions is listed in SPECIFIC_PERSONAL_INPUTS by input id; it and
 *   the ID scans/uploads of a case are shown only to roles holding `applications.read-specific` /
 *   `uploads.read` for that case (its service's step roles and the head of office), masked (••••)
 *   for everyone else. The auditor sees that an answer or a file exists, not its content.
 * - The applicant's identifiers and contacts (NIK, KK, phone, e-mail, address) are for those who
 *   work the case, the heads and the complaint officer (`applications.read-identity`); the auditor
 *   and the survey officer read a case with them masked, as the registry already masks them.
 * - The administrator manages accounts and the office calendar; it no longer reads cases, their
 *   uploads or complaints (least privilege), but keeps the registry and survey duties the earlier
 *   role lists gave it.
 */

/** Any signed-in officer of the office. */
export const EVERY_OFFICER = '@officer';
/** A role that holds a step of a procedure in scope. */
export const PROCEDURE = '@step';
/** A role that holds an intake step of a procedure in scope. */
export const INTAKE = '@step:intake';
/** A role that holds a signing step in scope (the decree has it sign that service's letters). */
export const SIGNING = '@step:sign';
/** A role that holds a numbering step in scope (the register's keeper, e.g. Subbag Umum). */
export const NUMBERING = '@step:number';
/** The step kinds a holder token names (none: any step). */
const STEP_TOKEN = /^@step(?::([a-z-]+))?$/;

/** Roles that read and never act ("Auditor (baca saja)"). */
export const READ_ONLY_ROLES: readonly string[] = ['auditor'];

const HEADS = ['kepala-dinas', 'kepala-bidang', 'subkoordinator', 'supervisor', 'supervisor-slrt', 'manajer-slrt'] as const;

interface Entry {
  /** Role ids, or EVERY_OFFICER / PROCEDURE / INTAKE / SIGNING / NUMBERING. */
  holders: readonly string[];
  /** What it allows, as a verb phrase ("membuka …" / "open …"): also says what a refusal refuses. */
  id: string;
  en: string;
  /** A refusal in the use case's own words, where one already existed. */
  refusal?: { id: string; en: string };
}

/** The table: permission → who holds it, and what it allows in both languages. */
export const PERMISSIONS = {
  'self.read': { holders: [EVERY_OFFICER], id: 'membuka antrean tugasnya sendiri dan tabel hak akses ini', en: 'open their own task queue and this access table' },
  // Not a write on the office's data: a read-only auditor must be able to change their own password too.
  'self.password': { holders: [EVERY_OFFICER], id: 'mengganti kata sandinya sendiri', en: 'change their own password' },
  'applications.read': {
    holders: ['front-office', 'back-office', 'operator', ...HEADS, 'auditor', 'pengelola-pengaduan', 'surveyor', PROCEDURE],
    id: 'mencari dan membuka berkas permohonan kantor (status, riwayat, identitas pemohon)',
    en: "search and open the office's cases (status, history, applicant identity)",
  },
  'applications.read-identity': {
    holders: ['front-office', 'back-office', 'operator', ...HEADS, 'pengelola-pengaduan', PROCEDURE],
    id: 'melihat NIK, nomor KK, telepon, e-mail dan alamat pemohon di berkas',
    en: "see the applicant's NIK, family card number, phone, e-mail and address in a case",
  },
  'applications.read-specific': {
    holders: ['kepala-dinas', PROCEDURE],
    id: 'melihat data pribadi spesifik di berkas (kesehatan, disabilitas, anak) pada layanan yang ditanganinya',
    en: 'see specific personal data in a case (health, disability, children) for services they work on',
  },
  'uploads.read': {
    holders: ['kepala-dinas', PROCEDURE],
    id: 'membuka dokumen unggahan berkas (KTP, KK, scan identitas) pada layanan yang ditanganinya',
    en: 'open the documents uploaded to a case (ID card, family card scans) for services they work on',
  },
  'applications.register': {
    holders: ['front-office', INTAKE],
    id: 'mendaftarkan permohonan di loket (peran loket, dan peran yang memegang tahap penerimaan layanan itu)',
    en: 'register applications at the counter (the counter role, and roles holding the intake step of that service)',
  },
  'applications.act': {
    holders: ['front-office', PROCEDURE],
    id: 'mengerjakan tahap berkas yang menjadi perannya dan mencatat berkas kembali lengkap',
    en: 'work the case steps of their role and record a returned file complete',
  },
  'calls.record': {
    holders: ['front-office', PROCEDURE],
    id: 'mencatat hasil panggilan telepon yang dijanjikan standar pelayanan (tugas panggilan perannya)',
    en: "record the outcome of the phone calls the service standard promises (their role's call tasks)",
  },
  'applications.supervise': {
    holders: [...HEADS, 'auditor'],
    id: 'melihat supervisi berkas terbuka (tenggat dan keterlambatan)',
    en: 'see the supervision of open cases (deadlines and delays)',
  },
  // Oversight (issue 15): aggregates of the office's cases and lists of registration numbers, no
  // personal data. Held by those the decrees charge with supervision and evaluation: the head of
  // office ("Evaluasi internal dipimpin oleh Kepala Dinas", Semarang; "Pengawasan internal 1. Kepala
  // Dinas", Jambi), the heads of division and supervisors in the chain ("atasan langsung secara
  // berjenjang", Kutai Kartanegara), and the read-only auditor ("Tim SPIP", Jambi; "Audit oleh
  // Inspektorat", Pekanbaru). No office file has a secretary role; the chain's Sekretaris would be added here.
  'oversight.read': {
    holders: [...HEADS, 'auditor'],
    id: 'membuka evaluasi standar pelayanan (janji vs kenyataan per layanan), dasbor kepala dinas dan laporannya (PDF, XLSX)',
    en: "open the evaluation of the service standard (promise vs actual per service), the head of office's dashboard and its report (PDF, XLSX)",
  },
  // The SPM needs register (issue 15 §2): the persons assessed as needing a basic service (Y of
  // Permensos 9/2018's X/Y). The assessment is the verification team's and the heads' work
  // (Kutai Kartanegara: "Validasi dan Asesment data"); a write, so never the auditor's.
  'spm.needs.write': {
    holders: [...HEADS, 'verifikator'],
    id: 'mencatat orang yang dinilai membutuhkan pelayanan dasar SPM (register kebutuhan)',
    en: 'record persons assessed as needing an SPM basic service (the needs register)',
  },
  // Approved figures (issue 15 §4): each level of the office's chain approves in turn (division →
  // secretary → head; domain/oversight/approval.ts); a secretary role would be added here when an
  // office declares one. The head alone reopens, with a written reason.
  'oversight.approve': {
    holders: ['kepala-bidang', 'kepala-dinas'],
    id: 'menyetujui angka bulanan dan tahunan pada jenjangnya (kepala bidang, lalu kepala dinas yang menguncinya)',
    en: 'approve monthly and yearly figures at their level (head of division, then the head of office, who locks them)',
  },
  // Reopening approved figures undoes the head's lock: the head alone, with a written reason.
  'oversight.reopen': {
    holders: ['kepala-dinas'],
    id: 'membuka kembali angka yang sudah disetujui, dengan alasan tertulis',
    en: 'reopen approved figures, with a written reason',
  },
  'letters.read': {
    holders: ['front-office', 'back-office', ...HEADS, 'auditor', 'subbag-umum', 'pengadministrasi', PROCEDURE],
    id: 'membuka arsip surat, PDF surat dan agenda surat keluar',
    en: 'open the letter archive, letter PDFs and the outgoing-letter register',
  },
  'letters.sign': {
    holders: [...HEADS, SIGNING],
    id: 'menandatangani surat (peran penandatangan surat itu atau pelimpahan yang berlaku)',
    en: "sign letters (the letter's signing role or a delegation in force)",
  },
  'letters.number': {
    holders: ['kepala-dinas', 'subbag-umum', 'pengadministrasi', NUMBERING, SIGNING],
    id: 'memberi nomor surat',
    en: 'number letters',
  },
  'letters.manage': {
    holders: [...HEADS, SIGNING],
    id: 'mencabut atau membatalkan surat (kepala dinas, peran penandatangan, pelimpahannya)',
    en: 'revoke or cancel letters (head of office, the signing role, its deputy)',
  },
  'letters.delegate': { holders: HEADS, id: 'melimpahkan wewenang tanda tangan (a.n./Plt.)', en: 'delegate signing (a.n./Plt.)' },
  'registry.lookup': {
    holders: ['admin', 'front-office', 'back-office', 'auditor', 'operator', 'operator-kelurahan', 'operator-pkh', 'verifikator', 'fasilitator', 'pendamping', 'petugas-lapangan', 'pekerja-sosial', 'petugas-bidang', ...HEADS],
    id: 'mencari di registri DTKS/DTSEN dan membaca usulan (tersamar menurut peran; dicatat)',
    en: 'look up the DTKS/DTSEN registry and read proposals (masked by role; logged)',
  },
  'registry.read-full': {
    holders: ['admin', 'operator', 'operator-kelurahan', 'operator-pkh', 'verifikator', 'fasilitator', 'pendamping', 'petugas-lapangan', 'pekerja-sosial', 'petugas-bidang', ...HEADS],
    id: 'melihat data registri lengkap (tanpa penyamaran)',
    en: 'see registry data in full (unmasked)',
  },
  'registry.read-counter': {
    holders: ['front-office', 'back-office'],
    id: 'melihat orang yang ditanyakan secara lengkap, NIK anggota keluarga lain tersamar',
    en: 'see the person asked about in full, other family members’ NIKs masked',
  },
  'registry.import': { holders: ['operator', 'admin'], id: 'mengimpor ekstrak registri dan mengunduh laporan impor', en: 'import registry extracts and download import reports' },
  'registry.export': { holders: ['operator', 'admin'], id: 'mengekspor baris snapshot registri (dicatat)', en: 'export registry snapshot rows (logged)' },
  'registry.export-person': { holders: ['admin', 'kepala-dinas'], id: 'mengekspor semua data satu orang atas permintaannya (dicatat)', en: 'export everything held about one person at their request (logged)' },
  'registry.read-log': { holders: ['admin', 'auditor', 'kepala-dinas'], id: 'membaca log akses registri', en: 'read the registry access log' },
  'registry.propose': {
    holders: ['operator', 'admin', 'fasilitator', 'verifikator', 'pendamping', 'operator-kelurahan', 'kepala-bidang', 'front-office'],
    id: 'mencatat usulan DTKS/PBI-JK dan tahapnya',
    en: 'record DTKS/PBI-JK proposals and their stages',
  },
  'complaints.read': {
    holders: ['pengelola-pengaduan', 'kepala-dinas', 'admin', 'auditor', 'kepala-bidang'],
    id: 'membaca daftar dan rincian pengaduan (pengaduan rahasia hanya bagi pengelola)',
    en: 'read the complaint list and details (confidential ones only for handlers)',
  },
  'complaints.record': {
    holders: ['front-office', 'back-office', 'pengelola-pengaduan', 'kepala-dinas', 'kepala-bidang'],
    id: 'mencatat pengaduan yang diterima langsung (telepon, surat, tatap muka)',
    en: 'record complaints received in person, by phone or by letter',
  },
  'complaints.handle': {
    holders: ['pengelola-pengaduan', 'kepala-dinas'],
    id: 'mencatat, menangani, menjawab dan mempublikasikan pengaduan',
    en: 'record, handle, answer and publish complaints',
  },
  'surveys.overview': { holders: [EVERY_OFFICER], id: 'melihat ringkasan IKM kantor (angka yang juga publik)', en: "see the office's IKM summary (figures that are public anyway)" },
  'surveys.enter': { holders: ['admin', 'surveyor'], id: 'memasukkan kuesioner SKM kertas (satu, sekaligus, impor XLSX)', en: 'enter paper SKM questionnaires (one, batch, XLSX import)' },
  'surveys.read': {
    holders: ['admin', 'surveyor', 'kepala-dinas', 'kepala-bidang', 'auditor'],
    id: 'membaca jawaban SKM mentah dan laporan IKM',
    en: 'read raw SKM responses and the IKM report',
  },
  'surveys.plan': { holders: ['admin', 'surveyor', 'kepala-dinas'], id: 'menetapkan rencana tindak lanjut SKM', en: 'set the SKM follow-up plan' },
  'calendar.admin': {
    holders: ['admin'],
    id: 'mengatur jam layanan dan hari tutup kantor',
    en: 'set the office hours and closures',
    refusal: { id: 'Hanya admin kantor yang dapat mengatur jam layanan dan hari tutup', en: 'Only an office admin can set service hours and closures' },
  },
  'accounts.admin': {
    holders: ['admin'],
    id: 'mengelola akun petugas (buat, peran, sandi, nonaktif)',
    en: 'manage staff accounts (create, roles, password, disable)',
    refusal: { id: 'Hanya admin kantor yang dapat mengelola akun petugas', en: 'Only an office admin can manage staff accounts' },
  },
  'audit.read': { holders: ['admin', 'auditor', 'kepala-dinas'], id: 'membaca jejak audit dan log akses data pribadi', en: 'read the audit trail and the personal-data access log' },
  // The installation, not the office's data: database, read replica and its lag, this process (issue 18).
  'system.status': { holders: ['admin'], id: 'melihat status sistem (basis data, replika baca dan ketertinggalannya)', en: 'see the system status (database, read replica and its lag)' },
  'signing.keys': {
    holders: ['admin'],
    id: 'mengelola kunci dan sertifikat tanda tangan kantor (menerbitkan, mencabut)',
    en: "manage the office's signing keys and certificates (issue, revoke)",
    refusal: { id: 'Hanya admin kantor yang dapat mengelola kunci tanda tangan', en: 'Only an office admin can manage signing keys' },
  },
  // UU 27/2022 Pasal 32: a person's request for their data and its processing record (docs/PRIVACY.md).
  'privacy.read': {
    holders: ['admin', 'kepala-dinas', 'front-office', 'auditor'],
    id: 'melihat daftar permintaan akses data pribadi dan tenggat 3×24 jamnya',
    en: 'see the personal-data access requests and their 3×24-hour deadlines',
  },
  'privacy.record': {
    holders: ['admin', 'kepala-dinas', 'front-office'],
    id: 'mencatat permintaan akses data pribadi di loket setelah memeriksa KTP',
    en: 'record a personal-data access request at the counter after checking the identity card',
  },
  'privacy.answer': {
    holders: ['admin', 'kepala-dinas'],
    id: 'menjawab permintaan akses data pribadi (menyusun ekspor atau menolak dengan alasan)',
    en: 'answer a personal-data access request (produce the export or refuse with a reason)',
  },
  // Emergencies (issue 13, docs/EMERGENCY.md). Holders as Banjarmasin 13 names them: the "Petugas
  // Penerima Laporan" (pengelola-pengaduan) takes reports, the Kepala Bidang "memerintahkan Tim Reaksi
  // Cepat" (assigns, keeps the roster), the TRC responds; the head of office is the escalation's end
  // and may stand in for the Kepala Bidang. front-office takes walk-in reports where an office has no
  // report officer (Semarang's "Petugas Layanan").
  'emergency.read': {
    holders: ['pengelola-pengaduan', 'front-office', 'trc', 'kepala-bidang', 'kepala-dinas', 'auditor'],
    id: 'membuka papan laporan darurat, laporan darurat dan jadwal piket',
    en: 'open the emergency dispatch board, emergency reports and the duty roster',
  },
  'emergency.report': {
    holders: ['pengelola-pengaduan', 'front-office'],
    id: 'mencatat laporan darurat dari telepon, WhatsApp, datang langsung, 112, RT, lurah atau camat (kapan pun)',
    en: 'record emergency reports from phone, WhatsApp, walk-in, 112, RT, lurah or camat (at any hour)',
  },
  'emergency.roster': {
    holders: ['kepala-bidang', 'kepala-dinas'],
    id: 'mengatur jadwal piket, kredensial petugas TRC (identitas resmi, SIM) dan ambang waktu darurat',
    en: "set the duty roster, TRC members' credentials (official ID, driving licence) and the emergency thresholds",
  },
  'emergency.dispatch': {
    holders: ['kepala-bidang', 'kepala-dinas'],
    id: 'menugaskan petugas TRC ke laporan darurat, menerima eskalasi di papan darurat dan menggabungkan laporan ganda',
    en: 'assign TRC members to emergency reports, acknowledge escalations on the dispatch board and merge duplicate reports',
  },
  'emergency.respond': {
    holders: ['trc'],
    id: 'mencatat respon awal laporan darurat (waktu, posisi, foto, catatan)',
    en: 'record the first response to an emergency report (time, position, photo, note)',
  },
  // Rumah singgah (issue 13 §3, docs/SHELTERS.md). Holders as Banjarmasin 9 and 10 name them: the
  // Pramu Sosial "melakukan pencatatan identitas dan melakukan identifikasi awal" (intake, check-in,
  // services), the "Kepala Bidang bersama pekerja sosial menentukan status calon klien dapat ditampung"
  // (decision), the Pekerja Sosial "melakukan asesmen kesiapan klien diterminasi" and the handover
  // (termination). The TRC refers the person of an emergency report. Children's data and client
  // photos are specific personal data: only the social worker and the heads open them, each view logged.
  'shelters.read': {
    holders: ['pramu-sosial', 'pekerja-sosial', 'trc', 'kepala-bidang', 'kepala-dinas', 'auditor'],
    id: 'membuka papan hunian rumah singgah, masa tinggal klien dan daftar yang melewati batas',
    en: "open the shelter occupancy board, clients' stays and the list of stays past the limit",
  },
  'shelters.manage': {
    holders: ['kepala-bidang', 'kepala-dinas'],
    id: 'mencatat rumah singgah beserta kamar dan tempat tidurnya',
    en: 'record shelters with their rooms and beds',
  },
  'shelters.admit': {
    holders: ['pramu-sosial', 'pekerja-sosial', 'trc', 'kepala-bidang'],
    id: 'mencatat calon klien rumah singgah, menempatkan klien di tempat tidur, mencatat barang bawaan dan pelayanan dasar',
    en: "record shelter intakes, check clients in to a bed, list their belongings and log basic services",
  },
  'shelters.decide': {
    holders: ['kepala-bidang', 'pekerja-sosial'],
    id: 'menentukan calon klien dapat ditampung atau dirujuk ke tempat lain',
    en: 'decide whether a prospective client can be housed or is referred elsewhere',
  },
  'shelters.terminate': {
    holders: ['pekerja-sosial', 'kepala-bidang'],
    id: 'mencatat asesmen kesiapan, terminasi klien dan menerbitkan berita acara serah terima klien',
    en: "record the readiness assessment, terminate a client's stay and issue the client handover record",
  },
  'shelters.sensitive': {
    holders: ['pekerja-sosial', 'kepala-bidang', 'kepala-dinas'],
    id: 'membuka data anak dan foto klien rumah singgah (data pribadi spesifik; setiap akses dicatat)',
    en: "open children's data and client photos in the shelter (specific personal data; every view logged)",
  },
  // Issue 13: the chain's outcomes, Banjarmasin 13 step 8 "Pelaksanaan intervensi lanjutan dan atau rujukan oleh petugas yang ditunjuk" (docs/EMERGENCY.md "Outcomes").
  'outcomes.record': {
    holders: ['trc', 'pekerja-sosial', 'kepala-bidang'],
    id: 'mencatat hasil penanganan laporan darurat atau klien rumah singgah: rujukan ke rumah sakit, pemulangan, dokumen kependudukan',
    en: 'record the outcome of an emergency report or a shelter stay: referral to a hospital, return home, identity documents',
  },
  // Issue 16: WhatsApp/SMS providers, fallback order and quiet hours of the office (docs/NOTIFICATIONS.md).
  'notifications.configure': {
    holders: ['admin'],
    id: 'mengatur pengiriman notifikasi kantor (penyedia WhatsApp/SMS, urutan saluran, jam tenang)',
    en: "configure the office's notification sending (WhatsApp/SMS providers, channel order, quiet hours)",
    refusal: { id: 'Hanya admin kantor yang dapat mengatur pengiriman notifikasi', en: 'Only an office admin can configure notification sending' },
  },
  // Assistance programmes (docs/PROGRAMMES.md). Holders from the decrees: the data is drawn by the
  // operator ("Petugas Layanan"/"Operator"), verified by the roles each programme names (Pendamping
  // PKH, Tim Verval, petugas Puskesmas recorded by the operator, Pekerja Sosial and Kepala Bidang,
  // fasilitator), the berita acara made by the verification team, the SK signed by the head of office.
  // The use cases narrow further: only a programme's own verification roles verify its candidates.
  'programmes.read': {
    holders: ['operator', 'verifikator', 'pendamping', 'petugas-lapangan', 'pekerja-sosial', 'fasilitator', ...HEADS, 'auditor'],
    id: 'membuka program bantuan, putarannya dan daftar calon penerima (NIK tersamar; dicatat)',
    en: 'open assistance programmes, their rounds and candidate lists (NIK masked; logged)',
  },
  'programmes.manage': {
    holders: ['operator', 'kepala-bidang', 'kepala-dinas'],
    id: 'membuka putaran program dan menarik atau menambah calon penerima',
    en: 'open programme rounds and draw or add candidates',
  },
  'programmes.verify': {
    holders: ['verifikator', 'pendamping', 'petugas-lapangan', 'pekerja-sosial', 'fasilitator', 'operator', 'kepala-bidang'],
    id: 'mencatat hasil verifikasi lapangan calon penerima (hanya peran yang disebut keputusan untuk program itu)',
    en: "record the field verification of candidates (only the roles the decree names for that programme)",
  },
  'programmes.report': {
    holders: ['verifikator', 'pekerja-sosial', 'kepala-bidang', 'kepala-dinas'],
    id: 'menerbitkan Berita Acara Tim Verifikasi dan Validasi',
    en: "issue the verification team's Berita Acara",
  },
  'programmes.decree': {
    holders: ['kepala-dinas'],
    id: 'menandatangani SK penerima bantuan (SK Kepala Dinas)',
    en: "sign the recipients' decree (the head of office's SK)",
  },
  // Cycles and disbursement (docs/PROGRAMMES.md). The decrees name no approver of a payment ("Penerima
  // santunan menerima uang santunan melalui bank penyalur"); the head of office approves a cycle and
  // records the allocation as the budget holder (Pengguna Anggaran) of the office's DPA. The operator
  // who draws the data makes the cycles and bank files and records the bank's result and exits.
  // In-kind deliveries: the decree names no delivering role ("d. Pengadaan ... melalui Pihak Ketiga; e.
  // Penyaluran bantuan Permakanan kepada Penerima Bantuan;"), so the same hands record them; the head closes.
  'programmes.disburse': {
    holders: ['operator', 'kepala-bidang', 'kepala-dinas'],
    id: 'membuat siklus penyaluran, berkas bank, mencatat hasil bank, penyaluran barang dan penerima yang keluar',
    en: "generate disbursement cycles and bank files, record the bank's result, in-kind deliveries and recipients who leave",
  },
  'programmes.approve': {
    holders: ['kepala-dinas'],
    id: 'menyetujui dan menutup siklus penyaluran dan mencatat pagu anggaran program',
    en: "approve and close disbursement cycles and record the programme's allocation",
  },
  // Group programmes (KUBE, RST): the proposal is made with the pendamping ("didampingi oleh
  // pendamping PSM, TKSK, atau PKH") and entered by the operator; the group's SK (by the Lurah),
  // the disbursement and the report are recorded by the same hands or the heads.
  'programmes.groups': {
    holders: ['operator', 'pendamping', 'kepala-bidang', 'kepala-dinas'],
    id: 'mendaftarkan kelompok program (anggota, pengurus, rekening, RAB) dan mencatat SK kelompok, pencairan dan laporannya',
    en: "register programme groups (members, officers, account, RAB) and record the group's decree, disbursement and report",
  },
  // Disaster logistics (issue 13 §2, docs/LOGISTICS.md). Holders from the decrees' Pelaksana: Jambi
  // 1 has the "Pejabat fungsional Dinas Sosial" analyse needs and hand aid over (pejabat-fungsional)
  // after TAGANA's identification (tagana); Kutai Kartanegara 6 has the Kepala Dinas dispose to the
  // Bidang Linjamsos (kepala-bidang), the "Petugas" prepare aid "di Gudang bencana" (operator) and
  // the "Pejabat dan petugas lapangan" take it to the site (petugas-lapangan). The warehouse keeper
  // is whichever of these the office gives the account; the head of office may stand in.
  'logistics.read': {
    holders: ['pejabat-fungsional', 'tagana', 'operator', 'petugas-lapangan', 'kepala-bidang', 'kepala-dinas', 'auditor'],
    id: 'membuka gudang, stok, buku persediaan, kejadian bencana dan berita acara serah terima',
    en: 'open warehouses, stock, the stock ledger, disaster incidents and handover records',
  },
  'logistics.stock': {
    holders: ['pejabat-fungsional', 'operator', 'kepala-bidang', 'kepala-dinas'],
    id: 'mencatat gudang, barang, penerimaan (berita acara penerimaan), pengeluaran, penyesuaian dan penghapusan stok',
    en: 'record warehouses, items, receipts (with their receipt record), dispatches, adjustments and write-offs of stock',
  },
  'logistics.distribute': {
    holders: ['pejabat-fungsional', 'tagana', 'operator', 'petugas-lapangan', 'kepala-bidang', 'kepala-dinas'],
    id: 'mencatat kejadian bencana, assessment, rencana distribusi dan serah terima bantuan dengan berita acara',
    en: 'record disaster incidents, assessments, distribution plans and aid handovers with their berita acara',
  },
  // Closing an incident accounts for every item (or says in writing why not), and a warehouse's
  // release condition (the lumbung gate) is not the keeper's to lift: the heads who dispose and
  // validate (Kukar 6: "Kepala Dinas mendisposisi ke Bidang Linjamsos untuk memvalidasi").
  'logistics.close': {
    holders: ['kepala-bidang', 'kepala-dinas'],
    id: 'menutup kejadian bencana setelah rekonsiliasi (atau dengan alasan tertulis) dan mengatur syarat pengeluaran barang dari gudang/lumbung',
    en: "close a disaster incident after its reconciliation (or with a written reason) and set a warehouse's release condition",
  },
} as const satisfies Record<string, Entry>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_IDS = Object.keys(PERMISSIONS) as Permission[];

/** Why an officer without `permission` is refused, in both languages. */
export function refusalOf(permission: Permission): [string, string] {
  const e: Entry = PERMISSIONS[permission];
  return e.refusal ? [e.refusal.id, e.refusal.en] : [`Peran Anda tidak berwenang ${e.id}`, `Your role may not ${e.en}`];
}

/** Permissions that change state (everything else reads). Read-only roles hold none of them. */
export const WRITES: readonly Permission[] = [
  'applications.register',
  'spm.needs.write',
  'oversight.approve',
  'oversight.reopen',
  'applications.act',
  'calls.record',
  'letters.sign',
  'letters.number',
  'letters.manage',
  'letters.delegate',
  'registry.import',
  'registry.propose',
  'complaints.record',
  'complaints.handle',
  'surveys.enter',
  'surveys.plan',
  'calendar.admin',
  'accounts.admin',
  'privacy.record',
  'privacy.answer',
  'signing.keys',
  'emergency.report',
  'emergency.roster',
  'emergency.dispatch',
  'emergency.respond',
  'notifications.configure',
  'programmes.manage',
  'programmes.verify',
  'programmes.report',
  'programmes.decree',
  'shelters.manage',
  'shelters.admit',
  'shelters.decide',
  'shelters.terminate',
  'outcomes.record',
  'programmes.disburse',
  'programmes.approve',
  'programmes.groups',
  'logistics.stock',
  'logistics.distribute',
  'logistics.close',
];

/** A step of a procedure, as much of it as the policy reads. */
export interface ScopeStep {
  kind: string;
  role: string;
  orRoles?: readonly string[];
}

/** Where a decision is made: the procedure steps of the services in scope (one case's service, or the office's). */
export interface Scope {
  steps: readonly ScopeStep[];
}

/** The scope of some services (one case's, or all of an office's). */
export const scopeOf = (services: readonly { service: { procedure?: { steps: readonly ScopeStep[] } | null } }[]): Scope => ({
  steps: services.flatMap((s) => s.service.procedure?.steps ?? []),
});

const holdsStep = (role: string, steps: readonly ScopeStep[]) => steps.some((s) => s.role === role || !!s.orRoles?.includes(role));

/** The step-holder token (PROCEDURE, INTAKE, …) through which `role` holds `permission` in `scope`, if any. */
function viaStep(role: string, entry: Entry, scope: Scope): string | undefined {
  return entry.holders.find((h) => {
    const m = STEP_TOKEN.exec(h);
    return !!m && holdsStep(role, m[1] ? scope.steps.filter((s) => s.kind === m[1]) : scope.steps);
  });
}

/** May one role do this, in this scope? (Without a scope the step-holder tokens grant nothing.) */
export function roleMay(role: string, permission: Permission, scope?: Scope): boolean {
  const entry = (PERMISSIONS as Record<string, Entry>)[permission];
  if (!entry) return false;
  if (READ_ONLY_ROLES.includes(role) && WRITES.includes(permission)) return false;
  if (entry.holders.includes(role) || entry.holders.includes(EVERY_OFFICER)) return true;
  return !!scope && !READ_ONLY_ROLES.includes(role) && viaStep(role, entry, scope) !== undefined;
}

/** The one question: may an officer holding `roles` do `permission` (in `scope`)? Deny by default. */
export const may = (roles: readonly string[], permission: Permission, scope?: Scope): boolean => roles.some((r) => roleMay(r, permission, scope));

/** True when every role the officer holds is read-only (an officer with no role acts on nothing either). */
export const readsOnly = (roles: readonly string[]): boolean => roles.every((r) => READ_ONLY_ROLES.includes(r));

export const isPermission = (p: string): p is Permission => Object.hasOwn(PERMISSIONS, p);

/**
 * Specific personal data among the service questions (UU 27/2022 Pasal 4 ayat 2: health,
 * disability, children's data, personal financial data), by input id across the offices'
 * standards. Chosen by reading every `inputs:` label in standards/*\/services/*.yaml; an input
 * not listed is ordinary personal data.
 */
export const SPECIFIC_PERSONAL_INPUTS: readonly string[] = [
  'jenis-disabilitas', // disability
  'penyakit-kronis', // health
  'rawat-jalan-inap', // health
  'memiliki-jkn-kis', // health insurance
  'memiliki-kis-pbi', // health insurance (subsidised)
  'bulan-nonaktif', // health insurance (PBI JKN inactive)
  'usia-calon-anak', // a child (adoption)
  'jumlah-anak', // children (adoption)
  'orangtua-meninggal', // a child's orphanhood
];

/** What a masked value shows. */
export const MASK = '••••';

/** How a role holds a permission in a scope: named in the table, as any officer, or through a step it holds (the token). */
export type Grant = 'named' | 'every-officer' | typeof PROCEDURE | typeof INTAKE | typeof SIGNING | typeof NUMBERING;

/** What one role may do in a scope (an office), each permission with how it is held. */
export function grantsOf(role: string, scope: Scope): { permission: Permission; grant: Grant }[] {
  const out: { permission: Permission; grant: Grant }[] = [];
  for (const permission of PERMISSION_IDS) {
    if (!roleMay(role, permission, scope)) continue;
    const holders: readonly string[] = PERMISSIONS[permission].holders;
    const grant = (holders.includes(role) ? 'named' : holders.includes(EVERY_OFFICER) ? 'every-officer' : viaStep(role, PERMISSIONS[permission], scope)) as Grant;
    out.push({ permission, grant });
  }
  return out;
}
