/** Small real files and realistic Indonesian people for tests. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const PDF_MIN = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Siti Aminah, woman born 1 July 1990, first registered in Kota Jambi (15 71 ..). */
export const SITI = { nik: '1571024107900003', kk: '1571020101150007', name: 'Siti Aminah', phone: '081266782747', address: 'Jl. Sultan Thaha No. 12, RT 05, Pasar Jambi', residentOfRegion: true };
/** Budi Santoso, man born 17 August 1985, Kota Semarang (33 74 ..). */
export const BUDI = { nik: '3374031708850002', name: 'Budi Santoso', phone: '082134567890', address: 'Jl. Pemuda No. 5, Sekayu, Semarang Tengah', residentOfRegion: true };

export function multipartBody(field: string, filename: string, mime: string, content: Buffer) {
  const boundary = '----sigaptest' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
