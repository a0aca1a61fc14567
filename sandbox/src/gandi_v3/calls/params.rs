//! Reading a call's parameters, and the one fault a bad one is answered with.

use certorder::provider::xmlrpc::{Fault, Value};
use serde_json::{Map, Value as Json};

use super::super::bad_parameter;
use crate::gandi_v5::catalog::{self, Package};
use crate::gandi_v5::rules::{Problems, dcv_entries};
use crate::order::{CsrFacts, read_csr};

/// A bad parameter of a certificate call: the one fault shape every check here answers with.
pub(super) fn fault(message: &str) -> Fault {
    bad_parameter("OBJECT_CERTIFICATE", message)
}

/// The `dcv_method` words of v3 (`auto` needs the domain's zone at Gandi, which the sandbox
/// does not host).
const METHODS: [&str; 4] = ["email", "dns", "file", "https"];

pub(super) fn params_struct(params: &[Value], at: usize) -> Result<Map<String, Json>, Fault> {
    match params.get(at) {
        Some(v @ Value::Struct(_)) => match v.to_json() {
            Json::Object(o) => Ok(o),
            _ => Err(fault("params must be a struct")),
        },
        None => Ok(Map::new()),
        Some(_) => Err(fault("params must be a struct")),
    }
}

pub(super) fn int_param(params: &[Value], at: usize, name: &str) -> Result<i32, Fault> {
    match params.get(at) {
        Some(Value::Int(n)) => Ok(*n),
        _ => Err(fault(&format!("{name} must be an int"))),
    }
}

pub(super) fn first(problems: &Problems) -> Result<(), Fault> {
    match problems.first() {
        Some((_, field, description)) => Err(fault(&format!("{field}: {description}"))),
        None => Ok(()),
    }
}

pub(super) fn method_of(o: &Map<String, Json>, default: &str) -> Result<String, Fault> {
    match o.get("dcv_method") {
        None | Some(Json::Null) => Ok(default.to_owned()),
        Some(Json::String(m)) if METHODS.contains(&m.as_str()) => Ok(m.clone()),
        Some(Json::String(m)) if m == "auto" => {
            Err(fault("dcv_method auto needs the domain's zone at Gandi"))
        }
        Some(_) => Err(fault(
            "dcv_method must be one of email, dns, file, https, auto",
        )),
    }
}

pub(super) fn duration(o: &Map<String, Json>) -> Result<u32, Fault> {
    match o.get("duration") {
        None | Some(Json::Null) => Ok(1),
        // Certificate duration is limited to 2 years (docs/providers.md §1.5).
        Some(d) => d
            .as_u64()
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| (1..=2).contains(d))
            .ok_or_else(|| fault("duration must be 1 or 2")),
    }
}

/// The `package` parameter, a package of the catalog.
pub(super) fn package(o: &Map<String, Json>) -> Result<&'static Package, Fault> {
    let name = o
        .get("package")
        .and_then(Json::as_str)
        .ok_or_else(|| fault("package is required"))?;
    catalog::find(name).ok_or_else(|| fault("unknown package"))
}

/// The `csr` parameter, read; `purpose` says what it is required for.
pub(super) fn csr(o: &Map<String, Json>, purpose: &str) -> Result<CsrFacts, Fault> {
    let text = o
        .get("csr")
        .and_then(Json::as_str)
        .ok_or_else(|| fault(&format!("csr is required{purpose}")))?;
    read_csr(text).map_err(|e| fault(&format!("csr: {e}")))
}

/// The approver of each name validated by e-mail with `method`.
pub(super) fn approvers(names: &[String], method: &str) -> Vec<(String, String)> {
    dcv_entries(names, method)
        .into_iter()
        .filter_map(|d| Some((d.name, d.email?)))
        .collect()
}
