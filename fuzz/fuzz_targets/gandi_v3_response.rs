//! Any bytes as a Gandi XML-RPC v3 answer to every call, and as a forwarded request to the
//! recogniser. It must never panic.
#![no_main]

use certorder::provider::gandi_v3::{GandiV3, calls};
use certorder_fuzz::{neutral, parse, recognise, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let answer = response(data);
    neutral(&GandiV3, "cert_std_1_10_0_digicert", &answer);
    parse(calls::package_list(None), &answer);
    parse(calls::list(None), &answer);
    parse(calls::count(None), &answer);
    parse(Ok::<_, ()>(calls::info(1)), &answer);
    parse(calls::hosted_list(None), &answer);
    parse(Ok::<_, ()>(calls::hosted_info(1)), &answer);
    parse(Ok::<_, ()>(calls::operation_info(1)), &answer);
    parse(Ok::<_, ()>(calls::recheck_caa("uuid")), &answer);
    parse(Ok::<_, ()>(calls::delete(1, None)), &answer);
    recognise(&GandiV3, data);
});
