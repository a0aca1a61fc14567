//! The owned report of a CSR: plain data, no parser lifetimes, serialisable as the stable JSON
//! schema documented in the README.

use serde::Serialize;
use std::net::IpAddr;

/// What a certificate signing request contains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CsrInfo {
    /// The PKCS#10 version field as encoded (0 means "v1", the only defined version).
    pub version: u64,
    /// The subject distinguished name: one entry per RDN, each holding one or more attributes
    /// (multi-valued RDNs keep their attributes together), in encoding order.
    pub subject: Vec<Vec<SubjectAttribute>>,
    /// Subject alternative names from the extension request, in encoding order.
    pub sans: Vec<San>,
    /// The subject public key.
    pub key: PublicKeyInfo,
    /// The algorithm the request was signed with.
    pub signature_algorithm: SignatureAlgorithm,
    /// Extensions asked for in the `extensionRequest` attribute (RFC 2985 §5.4.2).
    pub extensions: Vec<RequestedExtension>,
    /// Attributes other than `extensionRequest`, values withheld where they are secrets.
    pub attributes: Vec<Attribute>,
    /// Hashes CAs and certorder use to refer to this request and its key.
    pub fingerprints: Fingerprints,
    /// What in the request's encoding PKCS#10 or DER does not allow but OpenSSL reads, in the
    /// order met; the lint rules say what a CA may make of each.
    pub irregularities: Vec<Irregularity>,
}

impl CsrInfo {
    /// The first common name (OID 2.5.4.3) of the subject, if any.
    pub fn common_name(&self) -> Option<&str> {
        self.subject_values("2.5.4.3").next()
    }

    /// Every value of the subject attribute with this dotted OID, in order.
    pub(crate) fn subject_values<'a>(&'a self, oid: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.subject
            .iter()
            .flatten()
            .filter(move |a| a.oid == oid)
            .map(|a| a.value.as_str())
    }

    /// The subject written as OpenSSL's one-line RFC 2253 style, e.g. `CN=example.com, O=Acme`.
    pub fn subject_line(&self) -> String {
        name_line(&self.subject)
    }

    /// The DNS names among the SANs.
    pub fn dns_names(&self) -> impl Iterator<Item = &str> {
        self.sans.iter().filter_map(|s| match s {
            San::Dns(name) => Some(name.as_str()),
            _ => None,
        })
    }

    /// True when the request carries a `challengePassword` attribute (its value is never kept).
    pub fn has_challenge_password(&self) -> bool {
        self.attributes
            .iter()
            .any(|a| a.oid == "1.2.840.113549.1.9.7")
    }
}

/// One attribute of a subject RDN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectAttribute {
    /// Dotted OID, e.g. `2.5.4.3`.
    pub oid: String,
    /// Short name when known: `CN`, `O`, `OU`, `C`, `ST`, `L`, `emailAddress`, …
    pub name: Option<String>,
    /// The value decoded to UTF-8 (BMPString and UniversalString included). Bytes that do
    /// not decode are shown as `#` followed by the hex of the DER value, as RFC 4514 does.
    pub value: String,
    /// The ASN.1 string type it was encoded with (`PrintableString`, `UTF8String`, …).
    pub string_type: String,
}

impl SubjectAttribute {
    /// The short name, or the dotted OID when there is none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.oid)
    }
}

/// A distinguished name as one line, RDNs joined by `, ` and the attributes of one RDN by ` + `
/// (`CN=example.com, O=Acme`): the subject, and a directoryName SAN.
pub(crate) fn name_line(rdns: &[Vec<SubjectAttribute>]) -> String {
    rdns.iter()
        .map(|rdn| {
            rdn.iter()
                .map(|a| format!("{}={}", a.label(), a.value))
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A subject alternative name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum San {
    /// `dNSName`, exactly as encoded.
    Dns(String),
    /// `iPAddress` (IPv4 or IPv6).
    Ip(IpAddr),
    /// `rfc822Name`.
    Email(String),
    /// `uniformResourceIdentifier`.
    Uri(String),
    /// Any other general name, described as text (e.g. `otherName 1.3.6.1.4.1.311.20.2.3`).
    Other(String),
}

/// The subject public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicKeyInfo {
    /// The algorithm and its parameters.
    pub algorithm: KeyAlgorithm,
    /// A short human description, e.g. `RSA 2048 bits` or `EC P-256`.
    pub description: String,
}

/// The algorithm of a public key, with what the lint rules need to know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum KeyAlgorithm {
    /// RSA (rsaEncryption, or RSASSA-PSS keys).
    Rsa {
        /// Modulus length in bits.
        bits: u32,
        /// Public exponent, `None` when it does not fit in 64 bits.
        exponent: Option<u64>,
        /// Modulus as big-endian bytes without leading zeros (for the ROCA test).
        #[serde(skip)]
        modulus: Vec<u8>,
    },
    /// Elliptic-curve key (id-ecPublicKey).
    Ec {
        /// The curve: named, or recognised from explicit parameters that are exactly those of
        /// P-256, P-384 or P-521.
        curve: Curve,
        /// True when the key spells out its curve's parameters instead of naming the curve
        /// (RFC 5480 §2.1.1 allows only named curves).
        explicit_parameters: bool,
    },
    /// Ed25519 (RFC 8410).
    Ed25519,
    /// Ed448 (RFC 8410).
    Ed448,
    /// DSA or anything else, by OID.
    Other {
        /// Dotted OID of the key algorithm.
        oid: String,
    },
}

/// A named elliptic curve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Curve {
    /// secp256r1 / prime256v1.
    #[serde(rename = "P-256")]
    P256,
    /// secp384r1.
    #[serde(rename = "P-384")]
    P384,
    /// secp521r1.
    #[serde(rename = "P-521")]
    P521,
    /// Any other curve (secp256k1, brainpool, unknown explicit parameters, …) as its name,
    /// its OID or a short note; never the parameters themselves.
    Other(String),
}

/// The signature algorithm of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureAlgorithm {
    /// Dotted OID.
    pub oid: String,
    /// Name as OpenSSL prints it (`sha256WithRSAEncryption`, `ecdsa-with-SHA384`,
    /// `rsassaPss (SHA-256)`, `ED25519`), or the OID when unknown.
    pub name: String,
}

/// One extension from the extension request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestedExtension {
    /// Dotted OID.
    pub oid: String,
    /// Name when known (`subjectAltName`, `keyUsage`, …).
    pub name: Option<String>,
    /// The critical flag.
    pub critical: bool,
    /// The decoded value.
    pub value: ExtensionValue,
}

/// The decoded value of a requested extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExtensionValue {
    /// subjectAltName: the names are in [`CsrInfo::sans`].
    SubjectAltName,
    /// keyUsage bits by name (`digitalSignature`, `keyEncipherment`, …).
    KeyUsage {
        /// The usages set.
        usages: Vec<String>,
    },
    /// extendedKeyUsage purposes by name (`serverAuth`, …) or OID.
    ExtendedKeyUsage {
        /// The purposes.
        purposes: Vec<String>,
    },
    /// basicConstraints.
    BasicConstraints {
        /// The cA flag.
        ca: bool,
        /// pathLenConstraint.
        path_len: Option<u32>,
    },
    /// Anything else, or a known extension whose value did not parse.
    Unknown {
        /// Length of the DER value in bytes.
        length: usize,
    },
}

/// A CSR attribute other than `extensionRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribute {
    /// Dotted OID.
    pub oid: String,
    /// Name when known (`challengePassword`, `unstructuredName`, …).
    pub name: Option<String>,
    /// The value as text, or `None` when withheld (a challenge password is never shown).
    pub value: Option<String>,
}

/// Something in a request's encoding that PKCS#10 or DER does not allow, but that OpenSSL
/// reads, so such requests exist in the wild and CAs often accept them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Irregularity {
    /// The attributes field (`[0]`) is absent, as old OpenSSL versions wrote requests; RFC 2986
    /// §4.1 requires it, empty if need be.
    NoAttributesField,
    /// An attribute with an empty SET of values (RFC 2986 §4.1 wants at least one), as some
    /// devices send an empty extensionRequest.
    EmptyAttribute {
        /// The attribute's name, or its dotted OID.
        attribute: String,
    },
    /// A challengePassword that is not one of the DirectoryString types (RFC 2985 §5.4.1).
    ChallengePasswordType {
        /// The type found, e.g. `IA5String` or `INTEGER`.
        found: String,
    },
    /// A length written in a longer form than DER allows (X.690 §10.1): BER, not DER.
    NonMinimalLength {
        /// Where, e.g. `the attributes field` or `the unstructuredName attribute`.
        part: String,
    },
    /// An extensionRequest whose extensions could not be read: the names and extensions it
    /// asks for are missing from the report.
    UnreadableExtensionRequest,
}

/// Hashes of the request and its key, as upper-case hex without separators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fingerprints {
    /// MD5 of the whole DER request (Sectigo-style DCV file name and CNAME label).
    pub md5: String,
    /// SHA-256 of the whole DER request (DCV file content and CNAME target).
    pub sha256: String,
    /// SHA-256 of the DER SubjectPublicKeyInfo, to recognise a reused key.
    pub spki_sha256: String,
}
