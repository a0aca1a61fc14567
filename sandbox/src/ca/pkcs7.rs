//! Certs-only PKCS#7 (RFC 2315 §9.1, the "degenerate" `SignedData` with no signers), the
//! format CAs hand out as `.p7b`.

use yasna::Tag;
use yasna::models::ObjectIdentifier;

/// `signedData` (RFC 2315 §14).
const SIGNED_DATA: [u64; 7] = [1, 2, 840, 113549, 1, 7, 2];
/// `data`.
const DATA: [u64; 7] = [1, 2, 840, 113549, 1, 7, 1];

/// A DER `ContentInfo` of type `signedData` carrying `certificates` (DER each) and nothing else.
pub fn certs_only(certificates: &[&[u8]]) -> Vec<u8> {
    yasna::construct_der(|writer| {
        writer.write_sequence(|w| {
            w.next()
                .write_oid(&ObjectIdentifier::from_slice(&SIGNED_DATA));
            w.next().write_tagged(Tag::context(0), |w| {
                w.write_sequence(|w| {
                    w.next().write_u8(1);
                    // digestAlgorithms: none, as there is no signer.
                    w.next().write_set(|_| {});
                    w.next().write_sequence(|w| {
                        w.next().write_oid(&ObjectIdentifier::from_slice(&DATA));
                    });
                    w.next().write_tagged_implicit(Tag::context(0), |w| {
                        w.write_set_of(|w| {
                            for der in certificates {
                                w.next().write_der(der);
                            }
                        });
                    });
                    // signerInfos: none.
                    w.next().write_set(|_| {});
                });
            });
        });
    })
}
