//! Any bytes as a Gjirafa CDN answer to every call, and as a forwarded request to the
//! recogniser. It must never panic.
#![no_main]

use certorder::provider::gjirafa::{Gjirafa, ProjectId, calls};
use certorder_fuzz::{neutral, parse, recognise, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(project) = ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6") else {
        return;
    };
    let answer = response(data);
    let adapter = Gjirafa::new(project.clone(), 1);
    neutral(&adapter, "letsencrypt", &answer);
    parse(Ok::<_, ()>(calls::list(&project)), &answer);
    parse(Ok::<_, ()>(calls::get(&project, 1)), &answer);
    parse(Ok::<_, ()>(calls::validate(&project, 1)), &answer);
    parse(Ok::<_, ()>(calls::delete(&project, 1)), &answer);
    let _ = calls::parse::<serde_json::Value>(&answer);
    recognise(&adapter, data);
});
