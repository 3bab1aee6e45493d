import { generateKeyPairSync, randomBytes, randomUUID, X509Certificate } from "node:crypto";
import forge from "node-forge";

export type SimCertificates = { caPem: string; certPem: string; keyPem: string; fingerprint: string };

type KeyPair = { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; keyPem: string };

// RSA 2048 like pve-cluster's gen_pve_ssl_cert; Node's native generator is fast, but we still make the two
// key pairs only once per process so every test file's sims start in milliseconds.
let cachedKeys: { ca: KeyPair; leaf: KeyPair } | undefined;

function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    keyPem: privateKey,
  };
}

function serialNumber(): string {
  // A positive serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString("hex");
}

function createCa(keys: KeyPair): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 3650 * 86_400_000);
  const subject = [
    { name: "commonName", value: "Proxmox Virtual Environment" },
    { name: "organizationalUnitName", value: randomUUID() },
    { name: "organizationName", value: "PVE Cluster Manager CA" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return cert;
}

function createLeaf(keys: KeyPair, ca: forge.pki.Certificate, caKey: forge.pki.rsa.PrivateKey, nodeNames: string[]): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 2 * 365 * 86_400_000);
  const first = nodeNames[0] ?? "pve";
  cert.setSubject([
    { name: "organizationalUnitName", value: "PVE Cluster Node" },
    { name: "organizationName", value: "Proxmox Virtual Environment" },
    { name: "commonName", value: `${first}.lan` },
  ]);
  cert.setIssuer(ca.subject.attributes);
  const altNames = [
    { type: 7, ip: "127.0.0.1" },
    { type: 7, ip: "::1" },
    { type: 2, value: "localhost" },
    ...nodeNames.flatMap((name) => [{ type: 2, value: name }, { type: 2, value: `${name}.lan` }]),
  ];
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, keyEncipherment: true, keyAgreement: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return cert;
}

/** Generates a Proxmox-like cluster CA and a node certificate for loopback (key pairs cached per process). */
export function generateSimCertificates(nodeNames: string[]): SimCertificates {
  cachedKeys ??= { ca: generateKeyPair(), leaf: generateKeyPair() };
  const ca = createCa(cachedKeys.ca);
  const leaf = createLeaf(cachedKeys.leaf, ca, cachedKeys.ca.privateKey, nodeNames);
  const certPem = forge.pki.certificateToPem(leaf);
  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem,
    keyPem: cachedKeys.leaf.keyPem,
    fingerprint: new X509Certificate(certPem).fingerprint256,
  };
}
