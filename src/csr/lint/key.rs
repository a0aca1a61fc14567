//! The subject public key: algorithm, size, exponent, curve and known-weak keys.

use super::{Finding, Rule, Severity};
use crate::csr::roca;
use crate::csr::{Curve, KeyAlgorithm, PublicKeyInfo};

/// Smallest RSA modulus CAs accept (BR §6.1.5).
const RSA_MIN_BITS: u32 = 2048;
/// Largest RSA modulus CAs commonly accept; larger keys are refused by CA software and HSMs.
const RSA_MAX_BITS: u32 = 8192;
/// The exponent every current tool uses, 2^16 + 1.
const F4: u64 = 65_537;

/// RSA modulus below 2048 bits. BR §6.1.5: "RSA: modulus size in bits ≥ 2048".
pub(super) const RSA_KEY_TOO_SMALL: Rule = Rule {
    code: "rsa-key-too-small",
    severity: Severity::Error,
    reference: "CA/B BR §6.1.5",
    summary: "The RSA key is shorter than 2048 bits.",
};

/// RSA modulus above 8192 bits. The BR set no maximum, but CAs do: their signing software and
/// HSMs refuse such keys, and browsers slow down on them.
pub(super) const RSA_KEY_TOO_LARGE: Rule = Rule {
    code: "rsa-key-too-large",
    severity: Severity::Error,
    reference: "CA practice (BR §6.1.5 sets the minimum only)",
    summary: "The RSA key is longer than 8192 bits.",
};

/// RSA modulus whose size is not a whole number of bytes. Mozilla Root Store Policy §5.1:
/// "RSA keys whose modulus size in bits is divisible by 8, and is at least 2048".
pub(super) const RSA_KEY_SIZE_NOT_BYTES: Rule = Rule {
    code: "rsa-key-size-not-multiple-of-8",
    severity: Severity::Error,
    reference: "Mozilla Root Store Policy §5.1",
    summary: "The RSA modulus size in bits is not divisible by 8.",
};

/// RSA public exponent that is even or below 3. BR §6.1.6: "The value of the public exponent
/// MUST be an odd number equal to 3 or more."
pub(super) const RSA_EXPONENT_INVALID: Rule = Rule {
    code: "rsa-exponent-invalid",
    severity: Severity::Error,
    reference: "CA/B BR §6.1.6",
    summary: "The RSA public exponent is even or less than 3.",
};

/// Odd RSA public exponent from 3 to 65535. BR §6.1.6: "the public exponent SHOULD be in the
/// range between 2^16 + 1 and 2^256 − 1"; several CAs refuse anything smaller.
pub(super) const RSA_EXPONENT_SMALL: Rule = Rule {
    code: "rsa-exponent-small",
    severity: Severity::Warning,
    reference: "CA/B BR §6.1.6",
    summary: "The RSA public exponent is below the recommended minimum 65537.",
};

/// RSA public exponent above 65537. Allowed by BR §6.1.6 (up to 2^256 − 1), but some CAs and
/// HSMs accept 65537 only, so such a key may be refused.
pub(super) const RSA_EXPONENT_UNUSUAL: Rule = Rule {
    code: "rsa-exponent-unusual",
    severity: Severity::Warning,
    reference: "CA/B BR §6.1.6",
    summary: "The RSA public exponent is larger than 65537, which some CAs refuse.",
};

/// An RSA key made by the Infineon library flaw ROCA (CVE-2017-15361): its private key can be
/// computed from the public key. BR §6.1.1.3 requires CAs to reject keys known to be weak.
pub(super) const RSA_KEY_ROCA: Rule = Rule {
    code: "rsa-key-roca",
    severity: Severity::Error,
    reference: "CVE-2017-15361; CA/B BR §6.1.1.3",
    summary: "The RSA key has the ROCA fingerprint and its private key can be recovered.",
};

/// An EC key on a curve other than P-256, P-384 or P-521, the only curves of BR §6.1.5
/// (secp256k1, brainpool and explicit parameters are refused).
pub(super) const EC_CURVE_UNSUPPORTED: Rule = Rule {
    code: "ec-curve-unsupported",
    severity: Severity::Error,
    reference: "CA/B BR §6.1.5",
    summary: "The EC key is not on P-256, P-384 or P-521.",
};

/// An EC key on P-521. BR §6.1.5 allows it, but Mozilla Root Store Policy §5.1 allows only
/// P-256 and P-384, so many CAs refuse it.
pub(super) const EC_CURVE_P521: Rule = Rule {
    code: "ec-curve-p521",
    severity: Severity::Warning,
    reference: "Mozilla Root Store Policy §5.1",
    summary: "The EC key is on P-521, which many CAs do not accept.",
};

/// An EC key whose curve is spelled out as explicit parameters. RFC 5480 §2.1.1:
/// "implicitCurve and specifiedCurve MUST NOT be used in PKIX"; CAs accept named curves only.
pub(super) const EC_EXPLICIT_PARAMETERS: Rule = Rule {
    code: "ec-explicit-parameters",
    severity: Severity::Error,
    reference: "RFC 5480 §2.1.1",
    summary: "The EC key spells out its curve's parameters instead of naming the curve.",
};

/// An Ed25519 or Ed448 key: BR §6.1.5 lists RSA and ECDSA keys only.
pub(super) const EDDSA_KEY_UNSUPPORTED: Rule = Rule {
    code: "eddsa-key-unsupported",
    severity: Severity::Error,
    reference: "CA/B BR §6.1.5",
    summary: "Ed25519 and Ed448 keys are not accepted by publicly trusted CAs.",
};

/// Any other key type (DSA, DH, X25519, GOST, …): BR §6.1.5 lists RSA and ECDSA keys only.
pub(super) const KEY_ALGORITHM_UNSUPPORTED: Rule = Rule {
    code: "key-algorithm-unsupported",
    severity: Severity::Error,
    reference: "CA/B BR §6.1.5",
    summary: "The key is neither RSA nor ECDSA.",
};

/// The OpenSSL command that makes an acceptable new key and request, for messages.
const NEW_KEY_HINT: &str = "make a new key and CSR, e.g. `openssl req -new -newkey rsa:2048 \
     -nodes -keyout example.key -out example.csr` or `openssl req -new -newkey ec \
     -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout example.key -out example.csr`";

/// Checks the key rules.
pub(super) fn check(key: &PublicKeyInfo, out: &mut Vec<Finding>) {
    match &key.algorithm {
        KeyAlgorithm::Rsa {
            bits,
            exponent,
            modulus,
        } => {
            rsa_size(*bits, out);
            rsa_exponent(*exponent, out);
            if roca::is_vulnerable(modulus) {
                out.push(RSA_KEY_ROCA.finding(format!(
                    "the RSA key was made by a library with the ROCA flaw (CVE-2017-15361, \
                     Infineon chips in smart cards, TPMs and security keys); anyone can compute \
                     its private key: update the device's firmware or make the key in software, \
                     then {NEW_KEY_HINT}"
                )));
            }
        }
        KeyAlgorithm::Ec {
            curve,
            explicit_parameters: true,
        } => out.push(EC_EXPLICIT_PARAMETERS.finding(explicit_message(curve))),
        KeyAlgorithm::Ec { curve, .. } => match curve {
            Curve::P256 | Curve::P384 => {}
            Curve::P521 => out.push(EC_CURVE_P521.finding(
                "the EC key is on curve P-521; the Baseline Requirements allow it but many CAs \
                 accept only P-256 and P-384: check your CA, or make a P-256 or P-384 key with \
                 `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 ...`",
            )),
            Curve::Other(name) => out.push(EC_CURVE_UNSUPPORTED.finding(format!(
                "the EC key is on curve {name}; CAs accept only P-256, P-384 and P-521: \
                 {NEW_KEY_HINT}"
            ))),
        },
        KeyAlgorithm::Ed25519 | KeyAlgorithm::Ed448 => {
            out.push(EDDSA_KEY_UNSUPPORTED.finding(format!(
                "the key is {}; publicly trusted CAs accept only RSA and ECDSA keys: \
                 {NEW_KEY_HINT}",
                key.description
            )));
        }
        KeyAlgorithm::Other { oid } => out.push(KEY_ALGORITHM_UNSUPPORTED.finding(format!(
            "the key is {} (OID {oid}); CAs accept only RSA and ECDSA keys: {NEW_KEY_HINT}",
            key.description
        ))),
    }
}

/// What to say about a key with explicit curve parameters.
fn explicit_message(curve: &Curve) -> String {
    let which = match curve {
        Curve::P256 => "they are those of P-256",
        Curve::P384 => "they are those of P-384",
        Curve::P521 => "they are those of P-521",
        Curve::Other(_) => "they are not those of P-256, P-384 or P-521",
    };
    let fix = match curve {
        Curve::Other(_) => NEW_KEY_HINT.to_owned(),
        _ => "write the same key with its curve named, `openssl ec -in example.key \
              -param_enc named_curve -out named.key`, and make the CSR again from it with \
              `openssl req -new -key named.key -out example.csr`"
            .to_owned(),
    };
    format!(
        "the EC key spells out its curve's parameters instead of naming the curve ({which}); \
         CAs accept named curves only: {fix}"
    )
}

fn rsa_size(bits: u32, out: &mut Vec<Finding>) {
    if bits < RSA_MIN_BITS {
        out.push(RSA_KEY_TOO_SMALL.finding(format!(
            "the RSA key is {bits} bits; CAs require at least {RSA_MIN_BITS}: make a new key \
             with `openssl req -new -newkey rsa:2048 -nodes -keyout example.key -out \
             example.csr`"
        )));
    } else if bits > RSA_MAX_BITS {
        out.push(RSA_KEY_TOO_LARGE.finding(format!(
            "the RSA key is {bits} bits; CAs accept at most {RSA_MAX_BITS}: make a new key \
             with `openssl req -new -newkey rsa:4096 -nodes -keyout example.key -out \
             example.csr`"
        )));
    }
    if !bits.is_multiple_of(8) {
        out.push(RSA_KEY_SIZE_NOT_BYTES.finding(format!(
            "the RSA key is {bits} bits, not a multiple of 8; CAs refuse such keys: make a new \
             key of 2048, 3072 or 4096 bits"
        )));
    }
}

fn rsa_exponent(exponent: Option<u64>, out: &mut Vec<Finding>) {
    match exponent {
        // Larger than 64 bits: odd or not, no CA expects it.
        None => out.push(RSA_EXPONENT_UNUSUAL.finding(
            "the RSA public exponent is larger than 64 bits; some CAs accept only 65537: make \
             a new key with the default exponent (`openssl genpkey -algorithm RSA` uses 65537)",
        )),
        Some(e) if e < 3 || e.is_multiple_of(2) => out.push(RSA_EXPONENT_INVALID.finding(format!(
            "the RSA public exponent is {e}; it must be odd and at least 3, and 65537 is what \
             CAs expect: make a new key with the default exponent (`openssl genpkey \
             -algorithm RSA` uses 65537)"
        ))),
        Some(e) if e < F4 => out.push(RSA_EXPONENT_SMALL.finding(format!(
            "the RSA public exponent is {e}; the Baseline Requirements recommend at least \
             65537 and several CAs refuse smaller ones: make a new key with the default \
             exponent 65537"
        ))),
        Some(e) if e > F4 => out.push(RSA_EXPONENT_UNUSUAL.finding(format!(
            "the RSA public exponent is {e}; it is allowed, but some CAs accept only 65537: \
             if your CA refuses the request, make a new key with the default exponent 65537"
        ))),
        Some(_) => {}
    }
}
