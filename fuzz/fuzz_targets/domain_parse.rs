//! Any text as a domain name, and every derived rule on what parses. It must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(name) = certorder::domain::DomainName::parse(text) {
        let _ = name.approver_candidates();
        let _ = name.registrable_domain();
        let _ = name.www_twin();
        let _ = name.reserved();
    }
});
