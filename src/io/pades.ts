/**
 * PAdES signatures on PDFs (ETSI.CAdES.detached, baseline B-B): @signpdf adds the signature
 * dictionary and fills in the CMS; the CMS comes from a `CmsSigner` (the office's own key, or a
 * certified provider). `inspectPdfSignature` reads a signed PDF back: is the signature intact over
 * the whole file, who signed, when, with which certificates.
 */
import { createHash, sign as rsaSign, verify as rsaVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { extractSignature, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';

/** Makes the CMS SignedData (DER) over the SHA-256 of the PDF's signed byte ranges. */
export interface CmsSigner {
  /** Bytes reserved in the PDF for the CMS (hex doubles it); a provider's CMS may be larger than ours. */
  reserve: number;
  /** `label`: what is signed (the signature's reason), for a provider's own log. */
  cms(digest: Buffer, at: Date, label: string): Promise<Buffer>;
}

export interface SignatureFields {
  /** /Name: the signer as printed. */
  name: string;
  reason: string;
  location: string;
  /** /ContactInfo: where the letter is verified. */
  contactInfo: string;
  at: Date;
}

const A = forge.asn1;
const OID = {
  data: forge.pki.oids.data!,
  contentType: forge.pki.oids.contentType!,
  messageDigest: forge.pki.oids.messageDigest!,
  signingTime: forge.pki.oids.signingTime!,
  sha256: forge.pki.oids.sha256!,
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};
const der = (o: forge.asn1.Asn1) => Buffer.from(A.toDer(o).getBytes(), 'binary');
const bin = (b: Buffer) => b.toString('binary');
const attr = (type: string, value: forge.asn1.Asn1) =>
  A.create(A.Class.UNIVERSAL, A.Type.SEQUENCE, true, [A.create(A.Class.UNIVERSAL, A.Type.OID, false, A.oidToDer(type).getBytes()), A.create(A.Class.UNIVERSAL, A.Type.SET, true, [value])]);

/**
 * The CMS of a key sigap holds: signed attributes content-type, message-digest and ESS
 * signing-certificate-v2 (what PAdES B-B asks; the signing time is the signature dictionary's /M),
 * the signer's certificate and its issuer's. forge writes the SignedData; the RSA signature is
 * Node's (forge's JavaScript RSA would cost tens of milliseconds per letter).
 */
export function localCmsSigner(chainPem: string[], key: KeyObject): CmsSigner {
  const chain = chainPem.map((p) => forge.pki.certificateFromPem(p));
  const leaf = chain[0]!;
  const leafHash = createHash('sha256').update(der(forge.pki.certificateToAsn1(leaf))).digest();
  const essV2 = attr(
    OID.signingCertificateV2,
    A.create(A.Class.UNIVERSAL, A.Type.SEQUENCE, true, [A.create(A.Class.UNIVERSAL, A.Type.SEQUENCE, true, [A.create(A.Class.UNIVERSAL, A.Type.SEQUENCE, true, [A.create(A.Class.UNIVERSAL, A.Type.OCTETSTRING, false, bin(leafHash))])])]),
  );
  return {
    reserve: 8192,
    async cms(digest: Buffer) {
      const p7 = forge.pkcs7.createSignedData();
      // Detached: the content was hashed by Node (`digest`); forge only builds the envelope.
      p7.content = forge.util.createBuffer('');
      for (const c of chain) p7.addCertificate(c);
      const signed = [
        attr(OID.contentType, A.create(A.Class.UNIVERSAL, A.Type.OID, false, A.oidToDer(OID.data).getBytes())),
        attr(OID.messageDigest, A.create(A.Class.UNIVERSAL, A.Type.OCTETSTRING, false, bin(digest))),
        essV2,
      ];
      const rsa = {
        // forge calls this once, after writing its own attributes: ours replace them (the digest of
        // the real content, and the signing-certificate attribute forge cannot write), then the set is signed.
        sign: () => {
          const s = (p7 as unknown as { signers: { authenticatedAttributesAsn1: forge.asn1.Asn1 }[] }).signers[0]!;
          s.authenticatedAttributesAsn1.value = signed;
          return bin(rsaSign('sha256', der(A.create(A.Class.UNIVERSAL, A.Type.SET, true, signed)), key));
        },
      };
      p7.addSigner({
        key: rsa as unknown as forge.pki.rsa.PrivateKey,
        certificate: leaf,
        digestAlgorithm: OID.sha256,
        authenticatedAttributes: [{ type: OID.contentType, value: OID.data }, { type: OID.messageDigest }],
      });
      p7.sign({ detached: true });
      return der(p7.toAsn1());
    },
  };
}

/** Adds a PAdES signature to `pdf`; the result is the file that is stored and published. */
export async function signPdf(pdf: Buffer, fields: SignatureFields, signer: CmsSigner): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: fields.reason,
    contactInfo: fields.contactInfo,
    name: fields.name,
    location: fields.location,
    signingTime: fields.at,
    signatureLength: signer.reserve,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Sigap',
  });
  class Bridge extends Signer {
    override async sign(content: Buffer): Promise<Buffer> {
      return signer.cms(createHash('sha256').update(content).digest(), fields.at, fields.reason);
    }
  }
  return new SignPdf().sign(withPlaceholder, new Bridge());
}

/** A PDF's embedded signature as a reader checks it. */
export type PdfSignature =
  | { present: false }
  | {
      present: true;
      /** The CMS signature verifies and its message digest is the signed bytes' SHA-256. */
      intact: boolean;
      /** The signed byte ranges cover the whole file except the signature itself. */
      wholeFile: boolean;
      signerName: string | null;
      signerSerial: string | null;
      /** Certificates in the CMS, PEM, the signer's first. */
      certificates: string[];
      at: string | null;
    };

const DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [forge.pki.oids.sha384!]: 'sha384', [forge.pki.oids.sha512!]: 'sha512' };

/** Reads the (first) signature of a PDF; a malformed one is reported as present but not intact. */
export function inspectPdfSignature(pdf: Buffer): PdfSignature {
  if (pdf.indexOf('/ByteRange [') < 0) return { present: false };
  const broken = { present: true as const, intact: false, wholeFile: false, signerName: null, signerSerial: null, certificates: [], at: null };
  try {
    const { ByteRange, signedData } = extractSignature(pdf) as { ByteRange: number[]; signedData: Buffer };
    const [a, b, c, d] = ByteRange as [number, number, number, number];
    const signature = cmsOfContents(pdf.subarray(a + b + 1, c - 1));
    const wholeFile = a === 0 && c + d === pdf.length && c > b;
    const at = signingTimeOf(pdf);
    const content = A.fromDer(signature, false) as forge.asn1.Asn1;
    const sd = ((content.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const certsNode = sd.find((n) => n.tagClass === A.Class.CONTEXT_SPECIFIC && n.type === 0);
    const certs = ((certsNode?.value as forge.asn1.Asn1[]) ?? []).map((n) => new X509Certificate(der(n)));
    const signerInfo = (sd[sd.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const serial = Buffer.from(((signerInfo[1]!.value as forge.asn1.Asn1[])[1]!.value as string), 'binary').toString('hex').replace(/^00/, '');
    const digestOid = A.derToOid(((signerInfo[2]!.value as forge.asn1.Asn1[])[0]!.value as string));
    const signedAttrs = signerInfo.find((n) => n.tagClass === A.Class.CONTEXT_SPECIFIC && n.type === 0)!;
    const sigValue = Buffer.from(signerInfo[signerInfo.length - 1]!.value as string, 'binary');
    const leaf = certs.find((x) => x.serialNumber.toLowerCase().replace(/^0+/, '') === serial.replace(/^0+/, ''));
    const hashName = DIGESTS[digestOid];
    if (!leaf || !hashName) return { ...broken, wholeFile, at };
    const attrs = signedAttrs.value as forge.asn1.Asn1[];
    const md = attrs.find((x) => A.derToOid((x.value as forge.asn1.Asn1[])[0]!.value as string) === OID.messageDigest);
    const mdValue = md ? Buffer.from(((md.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string, 'binary') : null;
    const contentOk = !!mdValue && mdValue.equals(createHash(hashName).update(signedData).digest());
    const sigOk = rsaVerify(hashName, der(A.create(A.Class.UNIVERSAL, A.Type.SET, true, attrs)), leaf.publicKey, sigValue);
    const ordered = [leaf, ...certs.filter((x) => x !== leaf)];
    return {
      present: true,
      intact: contentOk && sigOk,
      wholeFile,
      signerName: /(?:^|\n)CN=(.*)/.exec(leaf.subject)?.[1] ?? null,
      signerSerial: leaf.serialNumber.toLowerCase(),
      certificates: ordered.map((x) => x.toString()),
      at,
    };
  } catch {
    return broken;
  }
}

/**
 * The CMS in a signature's /Contents: the hex decoded, cut at the length its DER header states.
 * (@signpdf's extractSignature strips every trailing "00" to remove the padding, and with it a
 * CMS's own last byte whenever that is zero: one signature in 256 then looked broken.)
 */
function cmsOfContents(hex: Buffer): string {
  const bytes = Buffer.from(hex.toString('latin1').replace(/[^0-9a-fA-F]/g, ''), 'hex');
  if (bytes.length < 2) return '';
  const first = bytes[1]!;
  const lengthBytes = first & 0x80 ? first & 0x7f : 0;
  if (lengthBytes > 4 || bytes.length < 2 + lengthBytes) return bin(bytes);
  const length = lengthBytes ? bytes.subarray(2, 2 + lengthBytes).reduce((n, x) => n * 256 + x, 0) : first;
  return bin(bytes.subarray(0, Math.min(bytes.length, 2 + lengthBytes + length)));
}

/** The signature dictionary's /M (D:YYYYMMDDHHmmSS with its offset) as an ISO instant. */
function signingTimeOf(pdf: Buffer): string | null {
  const m = /\/M \(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(pdf.subarray(pdf.indexOf('/ByteRange ['), pdf.indexOf('/ByteRange [') + 40_000).toString('latin1'));
  if (!m) return null;
  const off = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${off}`);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}
