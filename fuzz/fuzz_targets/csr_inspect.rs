//! Any bytes through the whole CSR engine: decode, parse, verify, lint. It must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(inspection) = certorder::csr::inspect(data) {
        // Rendering the report touches every field a user sees.
        let _ = inspection.info.subject_line();
        let _ = inspection.is_acceptable();
    }
});
