// Generated from fixtures/csr/expected.json by tests/csr_corpus.rs; do not edit.

/// Every request of the manifest.
pub(crate) const CASES: &[Case] = &[
    Case {
        file: "signature/dsa-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/dsa-sha256.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "signature/ec-brainpoolp256r1-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-brainpoolp256r1-sha256.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "signature/ec-p256-bad-signature-encoding.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p256-bad-signature-encoding.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "signature/ec-p256-sha224.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p256-sha224.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p256-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p256-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p256-sha384.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p256-sha384.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p256-sha512.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p256-sha512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p384-default.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p384-default.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p384-sha1.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p384-sha1.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p384-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p384-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p384-sha384.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p384-sha384.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p384-sha512.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p384-sha512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p521-default.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p521-default.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p521-sha224.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p521-sha224.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p521-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p521-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p521-sha384.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p521-sha384.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-p521-sha512.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-p521-sha512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ec-secp256k1-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-secp256k1-sha256.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "signature/ec-tampered-subject.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ec-tampered-subject.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "signature/ed25519-corrupted-signature.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ed25519-corrupted-signature.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "signature/ed25519.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ed25519.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/ed448.pem",
        bytes: include_bytes!("../fixtures/csr/signature/ed448.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "signature/p256-corrupted-signature.pem",
        bytes: include_bytes!("../fixtures/csr/signature/p256-corrupted-signature.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "signature/rsa-tampered-subject.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa-tampered-subject.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "signature/rsa2048-corrupted-signature.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-corrupted-signature.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "signature/rsa2048-md5.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-md5.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-pss-sha1-defaults.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-pss-sha1-defaults.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-pss-sha256-mgf1sha1.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-pss-sha256-mgf1sha1.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "signature/rsa2048-pss-sha256-salt32.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-pss-sha256-salt32.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-pss-sha256-saltmax.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-pss-sha256-saltmax.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-pss-sha384-salt20.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-pss-sha384-salt20.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-pss-sha512-salt0.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-pss-sha512-salt0.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha1.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha1.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha224.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha224.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha384.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha384.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha512-224.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha512-224.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha512-256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha512-256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa2048-sha512.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa2048-sha512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa4096-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa4096-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsa8192-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsa8192-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "signature/rsapsskey-pss-sha256.pem",
        bytes: include_bytes!("../fixtures/csr/signature/rsapsskey-pss-sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "tolerated/challenge-bmpstring.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/challenge-bmpstring.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "tolerated/challenge-ia5string.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/challenge-ia5string.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "tolerated/dsa-oiw-oids.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/dsa-oiw-oids.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "tolerated/empty-extension-request.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/empty-extension-request.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "tolerated/long-form-length-signed-as-der.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/long-form-length-signed-as-der.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "tolerated/long-form-length.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/long-form-length.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "tolerated/no-attributes-rsa512.pem",
        bytes: include_bytes!("../fixtures/csr/tolerated/no-attributes-rsa512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-100sans.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-100sans.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-6sans.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-6sans.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-idnsans.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-idnsans.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-ipsans.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-ipsans.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-ipv6sans.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-ipv6sans.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-mixed.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-mixed.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-nosans.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-nosans.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr-san.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr-san.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr.der",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr.der"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/acme/csr.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/acme/csr.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr-6sans_512.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr-6sans_512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr-nonames_512.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr-nonames_512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr-nosans_512.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr-nosans_512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr-nosans_nistp256.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr-nosans_nistp256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr-san_512.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr-san_512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr_512.der",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr_512.der"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/certbot/csr_512.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/certbot/csr_512.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/bad-version.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/bad-version.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/basic_constraints.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/basic_constraints.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/challenge-invalid.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/challenge-invalid.der"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/challenge-multi-valued.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/challenge-multi-valued.der"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/challenge-unstructured.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/challenge-unstructured.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/challenge.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/challenge.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/dsa_sha1.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/dsa_sha1.der"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "vectors/cryptography-vectors/dsa_sha1.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/dsa_sha1.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "vectors/cryptography-vectors/ec_sha256.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/ec_sha256.der"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/ec_sha256.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/ec_sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/ec_sha256_old_header.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/ec_sha256_old_header.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/freeipa-bad-critical.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/freeipa-bad-critical.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/invalid_signature.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/invalid_signature.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/long-form-attribute.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/long-form-attribute.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/rsa_md4.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/rsa_md4.der"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "vectors/cryptography-vectors/rsa_md4.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/rsa_md4.pem"),
        expect: Expect::CannotCheck,
    },
    Case {
        file: "vectors/cryptography-vectors/rsa_sha1.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/rsa_sha1.der"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/rsa_sha1.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/rsa_sha1.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/rsa_sha256.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/rsa_sha256.der"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/rsa_sha256.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/rsa_sha256.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/san_rsa_sha1.der",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/san_rsa_sha1.der"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/san_rsa_sha1.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/san_rsa_sha1.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/cryptography-vectors/two_basic_constraints.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/two_basic_constraints.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/unsupported_extension.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/unsupported_extension.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/unsupported_extension_critical.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/unsupported_extension_critical.pem"),
        expect: Expect::Invalid,
    },
    Case {
        file: "vectors/cryptography-vectors/zero-element-attribute.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/cryptography-vectors/zero-element-attribute.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/roca/csr03.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/roca/csr03.pem"),
        expect: Expect::Valid,
    },
    Case {
        file: "vectors/roca/csr05.pem",
        bytes: include_bytes!("../fixtures/csr/vectors/roca/csr05.pem"),
        expect: Expect::Valid,
    },
];
