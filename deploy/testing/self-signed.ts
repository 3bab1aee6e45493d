import { writeFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";

/** A throw-away self-signed certificate and key for `names`, written into `dir`, for nginx with TLS in tests. */
export function selfSignedCertificate(dir: string, names: string[]): { cert: string; key: string } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: "commonName", value: names[0]! }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: "subjectAltName", altNames: names.map((value) => ({ type: 2, value })) }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const files = { cert: path.join(dir, "test.crt"), key: path.join(dir, "test.key") };
  writeFileSync(files.cert, forge.pki.certificateToPem(cert));
  writeFileSync(files.key, forge.pki.privateKeyToPem(keys.privateKey));
  return files;
}
