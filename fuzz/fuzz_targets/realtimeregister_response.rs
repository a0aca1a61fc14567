//! Any bytes as a Realtime Register REST v2 answer to every call, and as a forwarded request
//! to the recogniser. It must never panic.
#![no_main]

use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::realtimeregister::calls::{self, ListQuery};
use certorder::provider::realtimeregister::wire::{DownloadFormat, ImportRequest};
use certorder_fuzz::{neutral, parse, recognise, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let answer = response(data);
    let adapter = RealtimeRegister::for_customer("johndoe");
    neutral(&adapter, "ssl_sectigo", &answer);
    parse(Ok::<_, ()>(calls::products(&ListQuery::default())), &answer);
    parse(calls::product("ssl_sectigo"), &answer);
    parse(
        Ok::<_, ()>(calls::certificates(&ListQuery::default())),
        &answer,
    );
    parse(calls::certificate("42"), &answer);
    parse(calls::process("42"), &answer);
    parse(calls::process_info_call("42"), &answer);
    parse(calls::download("42", DownloadFormat::Pkcs7), &answer);
    let import = ImportRequest {
        certificate: "-----BEGIN CERTIFICATE-----".to_owned(),
        ..ImportRequest::default()
    };
    parse(calls::import(&import), &answer);
    let _ = calls::error(&answer);
    recognise(&adapter, data);
    recognise(&RealtimeRegister::default(), data);
});
