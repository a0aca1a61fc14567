//! Any bytes as an XML-RPC method call and as a method response. It must never panic.
#![no_main]

use certorder::provider::xmlrpc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = xmlrpc::decode_call(text);
    let _ = xmlrpc::decode_response(text);
});
