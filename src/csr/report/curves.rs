//! Explicit EC curve parameters (RFC 3279 §2.3.5 `ECParameters`) recognised as the curves
//! they spell out.
//!
//! RFC 5480 §2.1.1 says a key names its curve; some old tools and HSMs write the parameters
//! out instead. Such a key is reported as P-256, P-384 or P-521 when its parameters are
//! exactly that curve's (SEC 2 v2 §2.4.2, §2.5.1 and §2.6.1: the same prime, coefficients,
//! base point, order and cofactor; the optional seed is not compared), and otherwise as a
//! curve without a name. The parameters themselves never reach the report.

use crate::csr::Curve;
use crate::csr::input::der::{self, BIT_STRING, INTEGER, OCTET_STRING, OID, SEQUENCE, Tlv};

/// The DER contents of the OID prime-field, 1.2.840.10045.1.1.
const PRIME_FIELD: &[u8] = &[0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x01, 0x01];

/// One named curve's domain parameters, as hex without leading zeros.
struct Domain {
    curve: Curve,
    p: &'static str,
    a: &'static str,
    b: &'static str,
    gx: &'static str,
    gy: &'static str,
    n: &'static str,
}

fn domains() -> [Domain; 3] {
    [
        Domain {
            curve: Curve::P256,
            p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
            a: "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
            b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
            gx: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
            gy: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
            n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
        },
        Domain {
            curve: Curve::P384,
            p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe\
                ffffffff0000000000000000ffffffff",
            a: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe\
                ffffffff0000000000000000fffffffc",
            b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a\
                c656398d8a2ed19d2a85c8edd3ec2aef",
            gx: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38\
                 5502f25dbf55296c3a545e3872760ab7",
            gy: "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c0\
                 0a60b1ce1d7e819d7a431d7c90ea0e5f",
            n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf\
                581a0db248b0a77aecec196accc52973",
        },
        Domain {
            curve: Curve::P521,
            p: "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                fff",
            a: "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                ffc",
            b: "51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109\
                e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f\
                00",
            gx: "c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3d\
                 baa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd\
                 66",
            gy: "11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e6\
                 62c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16\
                 650",
            n: "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                ffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386\
                409",
        },
    ]
}

/// The curve that explicit parameters (the content of the `ECParameters` SEQUENCE) define.
pub(super) fn explicit(parameters: &[u8]) -> Curve {
    read(parameters)
        .and_then(|params| {
            domains()
                .into_iter()
                .find(|domain| params.is(domain))
                .map(|domain| domain.curve)
        })
        .unwrap_or_else(|| Curve::Other("a curve without a name".to_owned()))
}

/// The parts of `ECParameters` that define a curve over a prime field.
struct Parameters<'a> {
    p: &'a [u8],
    a: &'a [u8],
    b: &'a [u8],
    base: &'a [u8],
    n: &'a [u8],
    cofactor: Option<&'a [u8]>,
}

fn read(content: &[u8]) -> Option<Parameters<'_>> {
    let fields = der::read_all(content, 0).ok()?;
    let (version, field, curve, base, order, cofactor) = match fields.as_slice() {
        [v, f, c, b, o] => (v, f, c, b, o, None),
        [v, f, c, b, o, h] => (v, f, c, b, o, Some(h)),
        _ => return None,
    };
    let tagged = |tlv: &Tlv<'_>, tag: u8| (tlv.tag == tag).then_some(());
    tagged(version, INTEGER)?;
    tagged(field, SEQUENCE)?;
    tagged(curve, SEQUENCE)?;
    tagged(base, OCTET_STRING)?;
    tagged(order, INTEGER)?;
    let [field_type, prime] = field.children().ok()?.try_into().ok()?;
    (field_type.tag == OID && field_type.content == PRIME_FIELD && prime.tag == INTEGER)
        .then_some(())?;
    let coefficients = curve.children().ok()?;
    let (a, b) = match coefficients.as_slice() {
        [a, b] => (a, b),
        [a, b, seed] if seed.tag == BIT_STRING => (a, b),
        _ => return None,
    };
    (a.tag == OCTET_STRING && b.tag == OCTET_STRING).then_some(())?;
    let cofactor = match cofactor {
        Some(h) if h.tag == INTEGER => Some(h.content),
        Some(_) => return None,
        None => None,
    };
    Some(Parameters {
        p: prime.content,
        a: a.content,
        b: b.content,
        base: base.content,
        n: order.content,
        cofactor,
    })
}

impl Parameters<'_> {
    fn is(&self, domain: &Domain) -> bool {
        let same = |bytes: &[u8], hex: &str| significant(bytes) == unhex(hex).as_slice();
        same(self.p, domain.p)
            && same(self.a, domain.a)
            && same(self.b, domain.b)
            && same(self.n, domain.n)
            && self.cofactor.is_none_or(|h| significant(h) == [1])
            && self.base_is(domain)
    }

    /// The base point, uncompressed (`04`), compressed (`02`/`03`: x and the parity of y)
    /// or hybrid (`06`/`07`), as SEC 1 v2 §2.3.3 writes points.
    fn base_is(&self, domain: &Domain) -> bool {
        let width = unhex(domain.p).len();
        let gx = unhex(domain.gx);
        let gy = unhex(domain.gy);
        let y_odd = gy.last().is_some_and(|b| b & 1 == 1);
        let Some((form, rest)) = self.base.split_first() else {
            return false;
        };
        match form {
            0x02 | 0x03 => {
                rest.len() == width && significant(rest) == gx && (*form == 0x03) == y_odd
            }
            0x04 | 0x06 | 0x07 => match rest.split_at_checked(width) {
                Some((x, y)) => {
                    y.len() == width
                        && significant(x) == gx
                        && significant(y) == gy
                        && (*form == 0x04 || (*form == 0x07) == y_odd)
                }
                None => false,
            },
            _ => false,
        }
    }
}

/// The bytes of an unsigned big-endian number without its leading zeros.
fn significant(bytes: &[u8]) -> &[u8] {
    let zeros = bytes.iter().take_while(|b| **b == 0).count();
    bytes.get(zeros..).unwrap_or_default()
}

/// Hex digits to bytes; the constants above are well-formed, a stray digit is dropped.
fn unhex(hex: &str) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .chars()
        .filter_map(|c| c.to_digit(16))
        .filter_map(|d| u8::try_from(d).ok())
        .collect();
    // An odd count means a leading zero was left out (P-521's 1ff…).
    let padded: Vec<u8> = if digits.len() % 2 == 1 {
        std::iter::once(0).chain(digits).collect()
    } else {
        digits
    };
    padded
        .chunks_exact(2)
        .map(|pair| match pair {
            [high, low] => (high << 4) | low,
            _ => 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_constants_have_the_widths_of_their_curves() {
        for (domain, bytes) in domains().iter().zip([32, 48, 66]) {
            for hex in [domain.p, domain.a, domain.gx, domain.gy, domain.n] {
                assert!(unhex(hex).len() <= bytes, "{:?}", domain.curve);
            }
            assert_eq!(unhex(domain.p).len(), bytes, "{:?}", domain.curve);
        }
    }

    /// The content of an `ECParameters` SEQUENCE for `domain`, its base point in `base`.
    fn parameters(domain: &Domain, base: &[u8]) -> Vec<u8> {
        let int = |hex: &str| {
            let mut bytes = unhex(hex);
            if bytes.first().is_some_and(|b| b & 0x80 != 0) {
                bytes.insert(0, 0);
            }
            der::encode(INTEGER, &bytes)
        };
        let field = [der::encode(OID, PRIME_FIELD), int(domain.p)].concat();
        let curve = [
            der::encode(OCTET_STRING, &unhex(domain.a)),
            der::encode(OCTET_STRING, &unhex(domain.b)),
        ]
        .concat();
        [
            der::encode(INTEGER, &[1]),
            der::encode(SEQUENCE, &field),
            der::encode(SEQUENCE, &curve),
            der::encode(OCTET_STRING, base),
            int(domain.n),
            der::encode(INTEGER, &[1]),
        ]
        .concat()
    }

    #[test]
    fn a_compressed_base_point_is_recognised_with_the_parity_of_y() {
        let [p256, ..] = domains();
        // P-256's Gy ends in f5: odd, so its compressed form starts with 03.
        let compressed = |form: u8| [vec![form], unhex(p256.gx)].concat();
        assert_eq!(explicit(&parameters(&p256, &compressed(0x03))), Curve::P256);
        assert_ne!(explicit(&parameters(&p256, &compressed(0x02))), Curve::P256);
    }

    #[test]
    fn one_changed_coefficient_is_another_curve() {
        let [p256, ..] = domains();
        let base = [vec![0x04], unhex(p256.gx), unhex(p256.gy)].concat();
        assert_eq!(explicit(&parameters(&p256, &base)), Curve::P256);
        let other = Domain {
            b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604c",
            ..p256
        };
        assert_eq!(
            explicit(&parameters(&other, &base)),
            Curve::Other("a curve without a name".to_owned())
        );
    }

    #[test]
    fn garbage_is_a_curve_without_a_name() {
        assert_eq!(
            explicit(&[0x02, 0x01, 0x01]),
            Curve::Other("a curve without a name".to_owned())
        );
    }
}
