//! Any bytes as an SSL247 API v3 answer to every call, and as a forwarded request to the
//! recogniser. It must never panic.
#![no_main]

use certorder::provider::Call;
use certorder::provider::ssl247::{DownloadType, Ssl247, calls};
use certorder_fuzz::{neutral, parse, recognise, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let answer = response(data);
    neutral(&Ssl247, "SECTIGO-PSSL", &answer);
    parse(Ok::<_, ()>(calls::product_types()), &answer);
    parse(calls::products("DV"), &answer);
    parse(calls::product("SECTIGO-PSSL"), &answer);
    parse(calls::requirements("SECTIGO-PSSL"), &answer);
    parse(calls::addons("SECTIGO-PSSL"), &answer);
    parse(calls::prices("SECTIGO-PSSL"), &answer);
    parse(Ok::<_, ()>(calls::certificates()), &answer);
    parse(calls::certificate("42"), &answer);
    parse(calls::download("42", DownloadType::Bundle), &answer);
    parse(calls::cancel("42"), &answer);
    parse(Ok::<_, ()>(calls::orders()), &answer);
    parse(calls::order_details("42"), &answer);
    parse(Ok::<_, ()>(calls::account_users()), &answer);
    parse(Ok::<_, ()>(calls::country_list()), &answer);
    parse(Ok::<_, ()>(calls::account()), &answer);
    parse(Ok::<_, ()>(calls::deposit()), &answer);
    parse(Ok::<_, ()>(calls::monthly_allowance()), &answer);
    parse(calls::user("42"), &answer);
    parse(calls::contact_profile("7"), &answer);
    parse(calls::invoice("1", "pdf"), &answer);
    if let Ok(Ok(invoice)) = calls::invoice("1", "pdf").map(|c| c.parse(&answer)) {
        let _ = (invoice.pdf(), invoice.url());
    }
    recognise(&Ssl247, data);
});
