//! Any bytes as a Gandi REST v5 answer to every call, and as a forwarded request to the
//! recogniser. It must never panic.
#![no_main]

use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gandi_v5::calls::{self, ListQuery, PackageQuery};
use certorder_fuzz::{neutral, parse, recognise, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let answer = response(data);
    neutral(&GandiV5, "cert_std_1_10_0_digicert", &answer);
    parse(Ok::<_, ()>(calls::list(&ListQuery::default())), &answer);
    parse(
        Ok::<_, ()>(calls::packages(&PackageQuery::default())),
        &answer,
    );
    parse(calls::package("cert_std_1_10_0_digicert"), &answer);
    parse(calls::get("42"), &answer);
    parse(calls::crt("42"), &answer);
    parse(calls::intermediates("cert_std", None), &answer);
    parse(calls::tags("42"), &answer);
    parse(
        calls::change_tags("42", calls::TagsVerb::Delete, None),
        &answer,
    );
    parse(calls::intermediate_file("ca.pem"), &answer);
    let _ = calls::error(&answer);
    recognise(&GandiV5, data);
});
