//! IP addresses typed where a domain name was expected.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Recognises an IPv4 or IPv6 address, also in URL brackets (`[::1]`). Surrounding whitespace
/// is ignored. Only the standard notations count: dotted-quad IPv4 and RFC 4291 IPv6 text, no
/// zone identifiers.
#[must_use]
pub fn ip_address(input: &str) -> Option<IpAddr> {
    let trimmed = input.trim();
    let bare = trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(trimmed);
    bare.parse().ok()
}

/// Whether an address is one a publicly trusted certificate cannot carry: private, loopback,
/// link-local, shared (CGNAT), unique-local, documentation, multicast and the other blocks of
/// the IANA IPv4 and IPv6 Special-Purpose Address Registries ("Reserved IP Address", BR §1.6.1).
/// IPv4-mapped IPv6 addresses are judged by their IPv4 address.
#[must_use]
pub fn is_internal_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_internal_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_internal_v4(v4),
            None => is_internal_v6(v6),
        },
    }
}

/// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates), plus multicast
/// (RFC 5771), as (network, prefix length).
#[rustfmt::skip]
const V4_RESERVED: &[([u8; 4], u8)] = &[
    ([0, 0, 0, 0], 8),          // "this network", RFC 791
    ([10, 0, 0, 0], 8),         // private, RFC 1918
    ([100, 64, 0, 0], 10),      // shared address space (CGNAT), RFC 6598
    ([127, 0, 0, 0], 8),        // loopback, RFC 1122
    ([169, 254, 0, 0], 16),     // link-local, RFC 3927
    ([172, 16, 0, 0], 12),      // private, RFC 1918
    ([192, 0, 0, 0], 24),       // IETF protocol assignments, RFC 6890
    ([192, 0, 2, 0], 24),       // documentation TEST-NET-1, RFC 5737
    ([192, 31, 196, 0], 24),    // AS112-v4, RFC 7535
    ([192, 52, 193, 0], 24),    // AMT, RFC 7450
    ([192, 88, 99, 0], 24),     // deprecated 6to4 relay anycast, RFC 7526
    ([192, 168, 0, 0], 16),     // private, RFC 1918
    ([192, 175, 48, 0], 24),    // direct delegation AS112, RFC 7534
    ([198, 18, 0, 0], 15),      // benchmarking, RFC 2544
    ([198, 51, 100, 0], 24),    // documentation TEST-NET-2, RFC 5737
    ([203, 0, 113, 0], 24),     // documentation TEST-NET-3, RFC 5737
    ([224, 0, 0, 0], 4),        // multicast, RFC 5771
    ([240, 0, 0, 0], 4),        // reserved, RFC 1112 (includes 255.255.255.255)
];

/// IANA IPv6 Special-Purpose Address Registry (RFC 6890 and updates), plus multicast
/// (RFC 4291), as (network, prefix length).
#[rustfmt::skip]
const V6_RESERVED: &[([u16; 8], u8)] = &[
    ([0, 0, 0, 0, 0, 0, 0, 0], 128),            // unspecified, RFC 4291
    ([0, 0, 0, 0, 0, 0, 0, 1], 128),            // loopback, RFC 4291
    ([0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96),     // IPv4/IPv6 translation, RFC 6052
    ([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48),     // local-use translation, RFC 8215
    ([0x100, 0, 0, 0, 0, 0, 0, 0], 64),         // discard-only, RFC 6666
    ([0x2001, 0, 0, 0, 0, 0, 0, 0], 23),        // IETF protocol assignments, RFC 2928
    ([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32),    // documentation, RFC 3849
    ([0x2002, 0, 0, 0, 0, 0, 0, 0], 16),        // 6to4, RFC 3056
    ([0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0], 48),// direct delegation AS112, RFC 7534
    ([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20),        // documentation, RFC 9637
    ([0x5f00, 0, 0, 0, 0, 0, 0, 0], 16),        // segment routing SIDs, RFC 9602
    ([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7),         // unique local (ULA), RFC 4193
    ([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10),        // link-local, RFC 4291
    ([0xff00, 0, 0, 0, 0, 0, 0, 0], 8),         // multicast, RFC 4291
];

fn is_internal_v4(ip: Ipv4Addr) -> bool {
    let bits = u32::from(ip);
    V4_RESERVED.iter().any(|&(network, prefix)| {
        let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
        bits & mask == u32::from(Ipv4Addr::from(network)) & mask
    })
}

fn is_internal_v6(ip: Ipv6Addr) -> bool {
    let bits = u128::from(ip);
    V6_RESERVED.iter().any(|&(network, prefix)| {
        let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
        bits & mask == u128::from(Ipv6Addr::from(network)) & mask
    })
}
