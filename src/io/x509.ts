/**
 * X.509 certificates for the office's own signing authority (node-forge writes them; RSA keys come
 * from Node's crypto, which is far faster than forge's JavaScript key generation).
 */
import { generateKeyPair, randomBytes, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generate = promisify(generateKeyPair);
/** RSA size of every key sigap makes (CA and signers): accepted by every PDF reader, quick to make. */
export const RSA_BITS = 2048;

export interface Subject {
  commonName: string;
  /** The signer's position (X.520 title). */
  title?: string;
  organization: string;
  locality?: string;
}

export interface Issued {
  certPem: string;
  /** PKCS#8 PEM, unencrypted: the caller seals it before it is stored. */
  keyPem: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

/** A positive random 128-bit serial, hex (RFC 5280: unique per issuer, at most 20 octets). */
const newSerial = () => {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x10;
  return b.toString('hex');
};

const utf8 = (type: string, value: string) => ({ type, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });

function dn(s: Subject): forge.pki.CertificateField[] {
  return [
    { type: '2.5.4.6', value: 'ID' },
    ...(s.locality ? [utf8('2.5.4.7', s.locality)] : []),
    utf8('2.5.4.10', s.organization),
    ...(s.title ? [utf8('2.5.4.12', s.title)] : []),
    utf8('2.5.4.3', s.commonName),
  ];
}

/**
 * Issues a certificate with a new key: a self-signed authority when `issuer` is absent, else a
 * signer's certificate (digital signature and non-repudiation) signed by the issuer's key.
 */
export async function issueCertificate(subject: Subject, validity: { from: Date; years: number }, issuer?: { certPem: string; keyPem: string }): Promise<Issued> {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: RSA_BITS });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = newSerial();
  // A minute of slack: a PDF reader whose clock is a little behind still sees a valid certificate.
  cert.validity.notBefore = new Date(validity.from.getTime() - 60_000);
  cert.validity.notAfter = new Date(validity.from.getTime());
  cert.validity.notAfter.setUTCFullYear(cert.validity.notAfter.getUTCFullYear() + validity.years);
  cert.setSubject(dn(subject));
  const ca = !issuer;
  const issuerCert = issuer ? forge.pki.certificateFromPem(issuer.certPem) : null;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : dn(subject));
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false, critical: true },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'subjectKeyIdentifier' },
          { name: 'authorityKeyIdentifier', keyIdentifier: issuerCert!.generateSubjectKeyIdentifier().getBytes() },
        ],
  );
  const signingKey = issuer ? issuer.keyPem : privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(signingKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(cert),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    serial: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}

/** What a reader of a certificate sees: its subject's common name, serial, validity and fingerprint. */
export function certificateFacts(pem: string): { commonName: string; serial: string; notBefore: string; notAfter: string; sha256: string; issuer: string } {
  const c = new X509Certificate(pem);
  const cn = (dnText: string) => /(?:^|\n)CN=(.*)/.exec(dnText)?.[1] ?? dnText;
  return {
    commonName: cn(c.subject),
    serial: c.serialNumber.toLowerCase(),
    notBefore: new Date(c.validFrom).toISOString(),
    notAfter: new Date(c.validTo).toISOString(),
    sha256: c.fingerprint256,
    issuer: cn(c.issuer),
  };
}
